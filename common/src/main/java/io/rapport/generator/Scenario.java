package io.rapport.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scripted stories inside the first 2,000 records, for demos and tests: three high spenders (in
 * Colombia, the United States and Spain) make several large purchases early on and then each posts
 * a clearly negative churn-threat mention about the brand. These records are never malformed.
 */
public final class Scenario {

  /** A scripted customer. */
  static final class Actor {
    final int k;
    final Market market;
    final Market.City city;
    final String firstName;
    final String lastName;
    final String handle;
    final long[] purchaseBlocks;
    final int txSlot;
    final long mentionBlock;

    Actor(
        int k,
        Market market,
        int city,
        String firstName,
        String lastName,
        String handle,
        long[] purchaseBlocks,
        int txSlot,
        long mentionBlock) {
      this.k = k;
      this.market = market;
      this.city = market.cities.get(city);
      this.firstName = firstName;
      this.lastName = lastName;
      this.handle = handle;
      this.purchaseBlocks = purchaseBlocks;
      this.txSlot = txSlot;
      this.mentionBlock = mentionBlock;
    }
  }

  static final Actor[] ACTORS = {
    new Actor(
        7,
        Market.CO,
        0,
        "Andrés",
        "Rojas",
        "andresrojas_bog",
        new long[] {4, 12, 21, 33, 47, 60},
        0,
        72),
    new Actor(
        13,
        Market.US,
        2,
        "Emily",
        "Carter",
        "emilycarter_chi",
        new long[] {6, 15, 26, 38, 52, 66},
        1,
        84),
    new Actor(
        2,
        Market.ES,
        0,
        "Lucía",
        "Navarro",
        "lucianavarro_mad",
        new long[] {8, 18, 30, 44, 58, 68},
        2,
        95),
  };

  private Scenario() {}

  static Actor actor(int k) {
    for (Actor a : ACTORS) {
      if (a.k == k) {
        return a;
      }
    }
    return null;
  }

  /** The actor whose scripted purchase is at this index, or null. */
  static Actor purchaseAt(long index) {
    if (index >= 2_000) {
      return null;
    }
    for (Actor a : ACTORS) {
      for (long b : a.purchaseBlocks) {
        if (Layout.txIndex(b, a.txSlot) == index) {
          return a;
        }
      }
    }
    return null;
  }

  /** The actor whose scripted negative mention is at this index, or null. */
  static Actor mentionAt(long index) {
    if (index >= 2_000) {
      return null;
    }
    for (Actor a : ACTORS) {
      if (Layout.mentionIndex(a.mentionBlock, 0) == index) {
        return a;
      }
    }
    return null;
  }

  static boolean isScripted(long index) {
    return purchaseAt(index) != null || mentionAt(index) != null;
  }

  /** One scripted story, as a test or a demo sees it. */
  public static final class Story {
    /** The customer id of the high spender. */
    public final String customerId;

    /** The country of the customer (ES, CO or US). */
    public final String country;

    /** Indices of their scripted purchases (all before the mention). */
    public final List<Long> purchaseIndices;

    /** Index of their negative, churn-threat mention of the brand. */
    public final long negativeMentionIndex;

    Story(String customerId, String country, List<Long> purchaseIndices, long mentionIndex) {
      this.customerId = customerId;
      this.country = country;
      this.purchaseIndices = purchaseIndices;
      this.negativeMentionIndex = mentionIndex;
    }

    @Override
    public String toString() {
      return "Story{customerId="
          + customerId
          + ", country="
          + country
          + ", purchaseIndices="
          + purchaseIndices
          + ", negativeMentionIndex="
          + negativeMentionIndex
          + "}";
    }
  }

  static List<Story> stories(Customers customers) {
    List<Story> out = new ArrayList<>();
    for (Actor a : ACTORS) {
      List<Long> p = new ArrayList<>();
      for (long b : a.purchaseBlocks) {
        p.add(Layout.txIndex(b, a.txSlot));
      }
      out.add(
          new Story(
              customers.id(a.k),
              a.market.country,
              Collections.unmodifiableList(p),
              Layout.mentionIndex(a.mentionBlock, 0)));
    }
    return Collections.unmodifiableList(out);
  }
}
