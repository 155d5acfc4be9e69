package io.rapport.generator;

import java.util.List;

/**
 * Everything about customer number k that does not change: derived from a hash of (seed, k), so it
 * is the same wherever and whenever it is computed.
 */
final class CustomerProfile {
  static final int LOW = 0;
  static final int MEDIUM = 1;
  static final int HIGH = 2;

  final int k;
  final String customerId;
  final Market market;
  final Market.City city;
  final String firstName;
  final String fullName;

  /** Canonical primary email, as the customer gave it at sign-up. */
  final String email;

  /** A second email, or null. */
  final String email2;

  /** National significant number of the mobile phone (no country code), or null. */
  final String phoneNational;

  final String loyaltyCard;

  /** Platforms and canonical handles (no '@', as the customer spells it); empty when none. */
  final List<String[]> socials;

  final boolean consentEmail;
  final boolean consentSms;
  final boolean consentPhone;
  final boolean consentSocial;

  /** {@link #LOW}, {@link #MEDIUM} or {@link #HIGH} spender. */
  final int tier;

  /** Per-customer activity multiplier within the tier, in [0.6, 1.6). */
  final double activity;

  /** Mean inter-purchase days this customer is meant to have (relative cadence, see README). */
  final double meanInterPurchaseDays;

  final boolean drifting;

  /** Event time (epoch ms) after which a drifting customer's purchase rate decays. */
  final long driftAtMillis;

  /** Customer number this record duplicates, or -1. */
  final int duplicateOf;

  /** Which identifier a duplicate shares: "email", "phone" or "card"; null when not a duplicate. */
  final String sharedIdentifier;

  /** Block at which this customer asks to be forgotten, or -1. */
  final long forgetBlock;

  final long followers;
  final long following;
  final boolean verified;

  final boolean scenario;

  CustomerProfile(
      int k,
      String customerId,
      Market market,
      Market.City city,
      String firstName,
      String fullName,
      String email,
      String email2,
      String phoneNational,
      String loyaltyCard,
      List<String[]> socials,
      boolean[] consent,
      int tier,
      double activity,
      double meanInterPurchaseDays,
      boolean drifting,
      long driftAtMillis,
      int duplicateOf,
      String sharedIdentifier,
      long forgetBlock,
      long followers,
      long following,
      boolean verified,
      boolean scenario) {
    this.k = k;
    this.customerId = customerId;
    this.market = market;
    this.city = city;
    this.firstName = firstName;
    this.fullName = fullName;
    this.email = email;
    this.email2 = email2;
    this.phoneNational = phoneNational;
    this.loyaltyCard = loyaltyCard;
    this.socials = socials;
    this.consentEmail = consent[0];
    this.consentSms = consent[1];
    this.consentPhone = consent[2];
    this.consentSocial = consent[3];
    this.tier = tier;
    this.activity = activity;
    this.meanInterPurchaseDays = meanInterPurchaseDays;
    this.drifting = drifting;
    this.driftAtMillis = driftAtMillis;
    this.duplicateOf = duplicateOf;
    this.sharedIdentifier = sharedIdentifier;
    this.forgetBlock = forgetBlock;
    this.followers = followers;
    this.following = following;
    this.verified = verified;
    this.scenario = scenario;
  }

  /** Whether the CRM first stored this customer's phone in E.164 (else as written locally). */
  boolean phoneE164First() {
    return (Hash.mix(k * 31L + 7) & 1) == 0;
  }

  boolean hasSocial() {
    return !socials.isEmpty();
  }
}
