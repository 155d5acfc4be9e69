package io.rapport.generator;

/** What a generated record stands for. */
public enum RecordKind {
  /** The first CRM record of a new customer (possibly a duplicate of an earlier customer). */
  CUSTOMER_CREATE,
  /** A later upsert of a known customer. */
  CUSTOMER_UPDATE,
  /** A forget (erase) request for a known customer. */
  CUSTOMER_FORGET,
  /** A purchase. */
  PURCHASE,
  /** A return of (part of) an earlier purchase. */
  RETURN,
  /** An original social post, or a reply or quote. */
  MENTION,
  /** A repost of an earlier mention. */
  REPOST,
  /**
   * The brand answering a question or complaint about it: a reply by its verified account, which
   * the job does not count as a mention (skip-brand-posts) but which acknowledges the alerts raised
   * on the mention it answers.
   */
  BRAND_REPLY
}
