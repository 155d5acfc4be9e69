package io.rapport.identity;

import io.rapport.model.MergeRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The merge registry's logic: which profile ids are the same person, and which of them survives. A
 * union-find over profile ids with full path compression (every merged id points straight to its
 * survivor), kept in a {@link Store} (keyed state in the job, a map in tests).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Survivor: a customer beats a prospect; between customers the oldest customer id wins, ids
 *       compared by length and then character by character (sequential CRM ids: C9 before C10). The
 *       rule depends only on the two ids, so the outcome does not depend on arrival order.
 *   <li>Chains: merging a survivor moves its whole group (A–B, then B–C ends in one profile).
 *   <li>Guardrail: a merge that would give the survivor more than {@code maxPerKind} identifiers of
 *       one kind (email, phone, card, social; CRM ids are not limited) is refused and reported once
 *       per pair (the caller raises MERGE_GUARDRAIL).
 * </ul>
 */
public final class IdentityGraph {
  /** Where the graph's nodes live. */
  public interface Store {
    IdentityNode get(String id) throws Exception;

    void put(String id, IdentityNode node) throws Exception;

    void remove(String id) throws Exception;

    /** A store on a map (tests, single-threaded use); merge-identities keeps it in keyed state. */
    static Store of(Map<String, IdentityNode> nodes) {
      return new Store() {
        @Override
        public IdentityNode get(String id) {
          return nodes.get(id);
        }

        @Override
        public void put(String id, IdentityNode node) {
          nodes.put(id, node);
        }

        @Override
        public void remove(String id) {
          nodes.remove(id);
        }
      };
    }
  }

  public static final String PROSPECT_PREFIX = "prospect-";
  public static final String RULE_CUSTOMER_BEATS_PROSPECT = "customer-beats-prospect";
  public static final String RULE_OLDEST_CUSTOMER_ID = "oldest-customer-id";

  /** What a merge candidate led to. */
  public static final class Outcome {
    /** The merge, or null. */
    public final MergeRecord merge;

    /** For a refused merge: survivor, the other survivor, the kind past the limit and its count. */
    public final String refusedSurvivor;

    public final String refusedOther;
    public final String refusedKind;
    public final int refusedCount;

    private Outcome(MergeRecord merge, String survivor, String other, String kind, int count) {
      this.merge = merge;
      this.refusedSurvivor = survivor;
      this.refusedOther = other;
      this.refusedKind = kind;
      this.refusedCount = count;
    }

    static final Outcome NOTHING = new Outcome(null, null, null, null, 0);

    public boolean refused() {
      return refusedSurvivor != null;
    }
  }

  private final Store store;
  private final int maxPerKind;
  private final Pseudonymizer pseudonymizer;

  public IdentityGraph(Store store, int maxPerKind, Pseudonymizer pseudonymizer) {
    this.store = store;
    this.maxPerKind = maxPerKind;
    this.pseudonymizer = pseudonymizer;
  }

  public static boolean isProspect(String id) {
    return id.startsWith(PROSPECT_PREFIX);
  }

  /** Negative when {@code a} should survive a merge with {@code b}. */
  public static int survivorOrder(String a, String b) {
    boolean pa = isProspect(a);
    boolean pb = isProspect(b);
    if (pa != pb) {
      return pa ? 1 : -1;
    }
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }

  /** The survivor an id resolves to (itself unless merged). */
  public String find(String id) throws Exception {
    IdentityNode n = store.get(id);
    return n == null || n.root == null ? id : n.root;
  }

  /** A CRM record's identifiers, counted for its customer's group. */
  public void claim(String customerId, List<String> identifiers) throws Exception {
    String root = find(customerId);
    IdentityNode n = node(root);
    boolean changed = store.get(root) == null;
    for (String id : identifiers) {
      changed |= addOnce(n.identifiers, id);
    }
    if (changed) {
      store.put(root, n);
    }
  }

  /**
   * {@code claimant}'s CRM record claims {@code identifier}, owned by {@code owner}: merge their
   * groups unless they are one already or the guardrail refuses.
   */
  public Outcome conflict(
      String owner, String claimant, String identifier, List<String> claimantIds, long time)
      throws Exception {
    claim(claimant, claimantIds == null ? List.of() : claimantIds);
    if (isProspect(owner)) {
      claim(owner, List.of(identifier));
    }
    String ra = find(owner);
    String rb = find(claimant);
    if (ra.equals(rb)) {
      return Outcome.NOTHING;
    }
    String survivor = survivorOrder(ra, rb) <= 0 ? ra : rb;
    String absorbed = survivor.equals(ra) ? rb : ra;
    IdentityNode ns = node(survivor);
    IdentityNode nx = node(absorbed);

    List<String> union = new ArrayList<>(ns.identifiers);
    for (String id : nx.identifiers) {
      addOnce(union, id);
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (String id : union) {
      String kind = Identifiers.kindOf(id);
      if (!Identifiers.CRM.equals(kind)) { // CRM ids add up by design in duplicate merges
        counts.merge(kind, 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      if (c.getValue() > maxPerKind) {
        if (ns.refused.contains(absorbed)) {
          return Outcome.NOTHING; // reported already
        }
        ns.refused.add(absorbed);
        store.put(survivor, ns);
        return new Outcome(null, survivor, absorbed, c.getKey(), c.getValue());
      }
    }

    List<String> moved = new ArrayList<>();
    moved.add(absorbed);
    moved.addAll(nx.members);
    for (String m : moved) {
      IdentityNode n = m.equals(absorbed) ? nx : node(m);
      n.root = survivor;
      n.members = new ArrayList<>();
      n.identifiers = new ArrayList<>();
      n.refused = new ArrayList<>();
      store.put(m, n);
    }
    ns.members.addAll(moved);
    ns.identifiers = union;
    ns.refused.remove(absorbed);
    store.put(survivor, ns);

    MergeRecord r = new MergeRecord();
    r.mergeId = mergeId(survivor, absorbed);
    r.survivorId = survivor;
    r.mergedId = absorbed;
    r.mergedIds = moved.stream().sorted().toList();
    r.mergedIds = new ArrayList<>(r.mergedIds);
    boolean prospect = isProspect(absorbed);
    r.kind = prospect ? MergeRecord.PROSPECT_LINKED : MergeRecord.CRM_DUPLICATE;
    r.rule = prospect ? RULE_CUSTOMER_BEATS_PROSPECT : RULE_OLDEST_CUSTOMER_ID;
    r.identifierType = Identifiers.kindOf(identifier);
    r.identifierHash = pseudonymizer.hash(identifier);
    r.reason =
        String.format(
            java.util.Locale.ROOT,
            "%s and %s both claim the same %s identifier in the CRM; %s survives (%s)",
            absorbed,
            survivor,
            r.identifierType,
            survivor,
            r.rule);
    r.time = time;
    return new Outcome(r, null, null, null, 0);
  }

  /**
   * Forgets a customer's whole group: removes every node of it and returns its ids, survivor first
   * (each must be erased downstream).
   */
  public List<String> forget(String customerId) throws Exception {
    String root = find(customerId);
    IdentityNode n = store.get(root);
    List<String> group = new ArrayList<>();
    group.add(root);
    if (n != null) {
      group.addAll(n.members);
    }
    if (!group.contains(customerId)) {
      group.add(customerId);
    }
    for (String id : group) {
      store.remove(id);
    }
    return group;
  }

  /** A deterministic merge id. */
  public static String mergeId(String survivor, String absorbed) {
    return UUID.nameUUIDFromBytes(
            ("merge|" + survivor + "|" + absorbed).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private IdentityNode node(String id) throws Exception {
    IdentityNode n = store.get(id);
    return n == null ? new IdentityNode() : n;
  }

  private static boolean addOnce(List<String> list, String value) {
    if (value == null || list.contains(value)) {
      return false;
    }
    list.add(value);
    return true;
  }
}
