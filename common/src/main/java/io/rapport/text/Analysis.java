package io.rapport.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the analyzer says of one text. A Flink POJO. */
public class Analysis {
  public double compound;
  public double pos;
  public double neg;
  public double neu;
  public String lang;
  public List<String> intents = new ArrayList<>();
  public List<String> hashtags = new ArrayList<>();
  public List<String> terms = new ArrayList<>();

  public Analysis() {}

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Analysis)) {
      return false;
    }
    Analysis a = (Analysis) o;
    return compound == a.compound
        && pos == a.pos
        && neg == a.neg
        && neu == a.neu
        && Objects.equals(lang, a.lang)
        && Objects.equals(intents, a.intents)
        && Objects.equals(hashtags, a.hashtags)
        && Objects.equals(terms, a.terms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(compound, lang, intents);
  }
}
