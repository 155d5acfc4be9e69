package io.rapport.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One profile id in the merge registry's graph. A survivor (root) lists its members and the
 * identifiers of its whole group; a member only points to its survivor.
 *
 * <p>A Flink POJO: public no-argument constructor and public mutable fields.
 */
public class IdentityNode {
  /** The survivor this id was merged into, or null while the id is a survivor itself. */
  public String root;

  /** For a survivor: every id merged into it (path-compressed: all point straight to it). */
  public List<String> members = new ArrayList<>();

  /** For a survivor: the normalized identifiers of the whole group. */
  public List<String> identifiers = new ArrayList<>();

  /** For a survivor: survivors whose merge with it was refused by the guardrail (alerted once). */
  public List<String> refused = new ArrayList<>();

  public IdentityNode() {}

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IdentityNode)) {
      return false;
    }
    IdentityNode that = (IdentityNode) o;
    return Objects.equals(root, that.root)
        && Objects.equals(members, that.members)
        && Objects.equals(identifiers, that.identifiers)
        && Objects.equals(refused, that.refused);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, members);
  }

  @Override
  public String toString() {
    return "IdentityNode{root=" + root + ", members=" + members + "}";
  }
}
