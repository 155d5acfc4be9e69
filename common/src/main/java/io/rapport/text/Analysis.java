package io.rapport.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Result of {@link TextAnalyzer#analyze}: a Flink-friendly POJO (public no-arg constructor, public
 * fields).
 */
public class Analysis {
  /** Overall sentiment in [-1, 1]; ≥ 0.05 positive, ≤ -0.05 negative. */
  public double compound;

  /** Proportions of positive, negative and neutral content; they sum to 1. */
  public double pos;

  public double neg;
  public double neu;

  /** "es", "en" or "und". */
  public String lang;

  /** Subset of complaint, question, recommendation, purchase_intent, churn_threat. */
  public List<String> intents;

  /**
   * Where a churn threat says the author is going ("me cambio a @vela", "switching to Verizon"):
   * the handle or hashtag right after a cue ending in "a", "con", "to", "for" or "with" (without
   * '@' or '#'), or a capitalized word there, lower-cased without accents; null when the text names
   * none. A switch to the brand itself is not a churn threat for it: see {@code
   * io.rapport.listening.TrackedBrands#towards}.
   */
  public String switchingTo;

  /**
   * The part of the analyzed (entity-decoded) text that speaks of the switch's destination: from
   * where the destination ends to the end of its sentence (marks included), or to a clause of it
   * that names another party, [switchEnd, switchUntil); -1 when there is none ({@link
   * TextAnalyzer#analyzeAfterSwitch}). Not part of the record (transient: neither Flink nor JSON
   * carries it).
   */
  transient int switchEnd = -1;

  transient int switchUntil = -1;

  /** See {@link #destinationWord()}. */
  transient String switchWord;

  /**
   * See {@link #placeWord()}; what the text says of it is at {@link #switchEnd}, {@link
   * #switchUntil}, which only a destination reads ({@link #switchToPlace}).
   */
  transient String placeWord;

  /**
   * The capitalized word or hashtag a churn cue that also goes before places names ("moving to
   * Lumen", "me mudo a #Vela", against "moving to Austin"), folded, or null. The analyzer finds no
   * churn threat there; the job does, with that destination, when the word is a tracked brand's
   * name ({@code io.rapport.listening.TrackedBrands#resolveDestination}). Not part of the record.
   */
  public String placeWord() {
    return placeWord;
  }

  /**
   * Takes {@link #placeWord()} as the switch's destination {@code brand}: a churn threat (and a
   * complaint when the reading is negative), what follows it in its sentence said of it.
   */
  public void switchToPlace(String brand) {
    switchingTo = brand;
    intents = IntentDetector.withChurnThreat(intents, compound);
  }

  /**
   * The lower-case word where a churn cue names where the author is going when no handle, hashtag
   * or capitalized word does ("me cambio a vela", "switching to northwind"), or null. The analyzer
   * cannot tell a brand there from any other word ("me cambio a otra"), so {@link #switchingTo}
   * stays null; the job takes it as the destination when it is a tracked brand's name ({@code
   * io.rapport.listening.TrackedBrands#resolveDestination}). Not part of the record.
   */
  public String destinationWord() {
    return switchWord;
  }

  /**
   * The party a comparison's sentence sets against its subject ("Vela es mucho mejor que @lumen" →
   * "lumen", "worse than Vela" → "vela"), folded as {@link #switchingTo}; null when the text makes
   * no comparison. What the sentence says, it says the other way round of that party: {@link
   * TextAnalyzer#analyzeAsCompared}. Part of the record, so that an operator after the analysis
   * knows which brand a comparison is about without analyzing the text again.
   */
  public String comparedWith;

  /**
   * The number (from 0) of the sentence that makes the comparison of {@link #comparedWith}; -1, or
   * any value when {@link #comparedWith} is null (a record restored from before this field has 0
   * there).
   */
  public int comparisonSentence = -1;

  /**
   * Whether the text names two or more brands in different clauses ("Lumen genial, @vela un
   * desastre"), so that each brand reads it otherwise: set by {@link TextAnalyzer#analyze(String,
   * String, TextAnalyzer.BrandNames)}, false otherwise. See {@link TextAnalyzer#analyzeAbout}.
   */
  public boolean brandsApart;

  /** Hashtags, lower-cased, without '#'. */
  public List<String> hashtags;

  /** Salient content words (lower-cased, accents kept, no stop words, handles or URLs), ≤ 10. */
  public List<String> terms;

  /**
   * What the mention is about, from a fixed set in this order: delivery, price, customer_service,
   * product_quality, billing, app_web, store (words of either language: "envío", "refund",
   * "atención", "la app"); empty when none.
   */
  public List<String> topics;

  /** An empty analysis (neutral, lists empty). */
  public Analysis() {
    intents = new ArrayList<>();
    hashtags = new ArrayList<>();
    terms = new ArrayList<>();
    topics = new ArrayList<>();
  }

  /** For the analyzer, which sets every field itself. */
  Analysis(boolean unused) {}

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Analysis)) {
      return false;
    }
    Analysis a = (Analysis) o;
    return Double.compare(compound, a.compound) == 0
        && Double.compare(pos, a.pos) == 0
        && Double.compare(neg, a.neg) == 0
        && Double.compare(neu, a.neu) == 0
        && Objects.equals(lang, a.lang)
        && Objects.equals(intents, a.intents)
        && Objects.equals(switchingTo, a.switchingTo)
        && Objects.equals(comparedWith, a.comparedWith)
        && brandsApart == a.brandsApart
        && (comparedWith == null || comparisonSentence == a.comparisonSentence)
        && Objects.equals(hashtags, a.hashtags)
        && Objects.equals(terms, a.terms)
        && Objects.equals(topics, a.topics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        compound,
        pos,
        neg,
        neu,
        lang,
        intents,
        switchingTo,
        comparedWith,
        comparedWith == null ? -1 : comparisonSentence,
        brandsApart,
        hashtags,
        terms,
        topics);
  }

  @Override
  public String toString() {
    return "Analysis{compound="
        + compound
        + ", pos="
        + pos
        + ", neg="
        + neg
        + ", neu="
        + neu
        + ", lang="
        + lang
        + ", intents="
        + intents
        + (switchingTo == null ? "" : ", switchingTo=" + switchingTo)
        + (brandsApart ? ", brandsApart" : "")
        + (comparedWith == null
            ? ""
            : ", comparedWith=" + comparedWith + " (sentence " + comparisonSentence + ")")
        + ", hashtags="
        + hashtags
        + ", terms="
        + terms
        + ", topics="
        + topics
        + "}";
  }
}
