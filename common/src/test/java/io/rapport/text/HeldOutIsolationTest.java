package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the held-out sets out of tuning: every multi-word phrase Rapport wrote (the keys with
 * spaces of {@code rapport_es.tsv} and {@code rapport_en.tsv}, and the literal runs of two or more
 * words of the cues in {@code intents.tsv}) that occurs in a held-out text is listed, with that
 * set's name, in {@code sentiment/heldout-overlaps.tsv}. A new entry whose words a held-out text
 * contains fails this test: an entry fitted to a held-out text would inflate the figures the README
 * reports. Leave such a phrase out, or, when it is a common phrase written from a probe or a dev
 * set, list it there knowing that its held-out gain is not an independent measure (say so in the
 * README). A listed phrase that no longer occurs fails too, so that the list stays the truth.
 */
class HeldOutIsolationTest {
  static final List<String> HELD_OUT = List.of("es_social_eval.tsv", "en_social_eval.tsv");

  @Test
  void noPhraseOfOursOccursInAHeldOutTextUnlessListed() throws IOException {
    Set<String> phrases = new TreeSet<>();
    for (String file : List.of("es/rapport_es.tsv", "en/rapport_en.tsv")) {
      for (String line : resourceLines("/lexicons/" + file)) {
        phrases.addAll(literalRuns(line.split("\t")[0]));
      }
    }
    for (String line : resourceLines("/lexicons/intents.tsv")) {
      String[] f = line.split("\t");
      if (f.length >= 2) {
        phrases.addAll(literalRuns(f[1]));
      }
    }
    assertThat(phrases).as("multi-word phrases read").hasSizeGreaterThan(500);

    Set<String> found = new TreeSet<>();
    int texts = 0;
    for (String set : HELD_OUT) {
      for (String line : resourceLines("/sentiment/" + set)) {
        String[] f = line.split("\t");
        String words = " " + String.join(" ", words(f[f.length - 1])) + " ";
        texts++;
        for (String p : phrases) {
          if (words.contains(" " + p + " ")) {
            found.add(p + "\t" + set);
          }
        }
      }
    }
    assertThat(texts).as("held-out texts read").isGreaterThanOrEqualTo(429);

    // what was found, for a diff against the list
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "heldout-overlaps.tsv"), found);
    Set<String> listed = new TreeSet<>(resourceLines("/sentiment/heldout-overlaps.tsv"));
    Set<String> unlisted = new TreeSet<>(found);
    unlisted.removeAll(listed);
    Set<String> stale = new TreeSet<>(listed);
    stale.removeAll(found);
    assertThat(unlisted)
        .as(
            "phrases of ours that held-out texts contain, not in sentiment/heldout-overlaps.tsv"
                + " (leave them out, or list them: see this test's documentation)")
        .isEmpty();
    assertThat(stale)
        .as("lines of sentiment/heldout-overlaps.tsv that no longer occur (remove them)")
        .isEmpty();
  }

  @Test
  void aPhraseIsFoundAsWholeWordsOnly() {
    assertThat(literalRuns("llevo * dias sin")).containsExactly("dias sin");
    assertThat(literalRuns("voy a @brand")).containsExactly("voy a");
    assertThat(literalRuns("genial")).isEmpty();
    assertThat(literalRuns("No funcionó")).containsExactly("no funciono");
    assertThat(" " + String.join(" ", words("¡NO FUNCIONA, otra vez!")) + " ")
        .contains(" no funciona ")
        .doesNotContain(" no funcional ");
  }

  /** The runs of two or more literal words of a key or cue ('*' and '@...' break a run), folded. */
  static List<String> literalRuns(String pattern) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String w : pattern.trim().split("\\s+")) {
      if (w.equals("*") || w.startsWith("@")) {
        if (run.size() >= 2) {
          out.add(String.join(" ", run));
        }
        run.clear();
      } else {
        run.addAll(words(w));
      }
    }
    if (run.size() >= 2) {
      out.add(String.join(" ", run));
    }
    return out;
  }

  /** The folded words of a text: letters, digits and apostrophes. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : Lexicon.fold(text).split("[^\\p{L}\\p{N}']+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static List<String> resourceLines(String resource) throws IOException {
    try (InputStream in = HeldOutIsolationTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
      return out;
    }
  }
}
