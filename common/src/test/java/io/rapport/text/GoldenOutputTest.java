package io.rapport.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.text.bench.SentimentBench;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bit-identical output of {@link TextAnalyzer} on every text of VADER's rated sets (the shared data
 * folder), the project's Spanish and English sets and the benchmark's adversarial inputs: each text
 * analysed without a hint, with the hints "es" and "en", and upper-cased. Every field of every
 * result (compound, pos, neg, neu as exact doubles, lang, intents, hashtags, terms) goes into one
 * SHA-256 digest per set, compared with {@code golden/analyzer-digests.tsv}. A speed change must
 * leave them all equal; a deliberate change of results regenerates the file with {@code
 * -Drapport.update-golden=true} (and re-measures the README's quality figures). The outputs are
 * written to {@code target/golden/SET.tsv} for a diff against a previous run.
 */
class GoldenOutputTest {
  private static final String DIGESTS = "golden/analyzer-digests.tsv";

  @Test
  void everyOutputIsUnchanged() throws IOException {
    Map<String, List<String>> sets = new LinkedHashMap<>();
    Path eval = sharedEvalDir();
    for (String f :
        List.of(
            "tweets_GroundTruth.txt",
            "movieReviewSnippets_GroundTruth.txt",
            "nytEditorialSnippets_GroundTruth.txt")) {
      sets.put(f, texts(Files.readString(eval.resolve(f), StandardCharsets.UTF_8)));
    }
    for (String r : List.of("es_social_eval.tsv", "es_social_dev.tsv", "en_social_eval.tsv")) {
      try (InputStream in = getClass().getResourceAsStream("/sentiment/" + r)) {
        sets.put(r, texts(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    sets.put("adversarial", SentimentBench.adversarial());
    sets.put("edges", edges());

    TextAnalyzer a = TextAnalyzer.shared();
    Path out = Path.of("target", "golden");
    Files.createDirectories(out);
    Map<String, String> actual = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> set : sets.entrySet()) {
      List<String> lines = new ArrayList<>();
      for (String text : set.getValue()) {
        lines.add(line(a.analyze(text)));
        lines.add(line(a.analyze(text, "es")));
        lines.add(line(a.analyze(text, "en")));
        lines.add(line(a.analyze(text.toUpperCase(Locale.ROOT))));
      }
      String body = String.join("\n", lines) + "\n";
      Files.writeString(out.resolve(set.getKey() + ".tsv"), body, StandardCharsets.UTF_8);
      actual.put(set.getKey(), set.getValue().size() + "\t" + sha256(body));
    }

    StringBuilder file = new StringBuilder("# set\ttexts\tSHA-256 of the outputs\n");
    actual.forEach((k, v) -> file.append(k).append('\t').append(v).append('\n'));
    Path stored = Path.of("src", "test", "resources", DIGESTS);
    if (Boolean.getBoolean("rapport.update-golden")) {
      Files.writeString(stored, file, StandardCharsets.UTF_8);
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String l : Files.readAllLines(stored, StandardCharsets.UTF_8)) {
      if (!l.startsWith("#") && !l.isBlank()) {
        int tab = l.indexOf('\t');
        expected.put(l.substring(0, tab), l.substring(tab + 1));
      }
    }
    assertThat(expected).hasSize(8);
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  /**
   * Inputs at the tokenizer's edges: HTML entities (also in huge texts), the cap falling inside a
   * surrogate pair or an entity, emoticons and emoji beside words, elongations, accents,
   * apostrophes, hashtags and handles with underscores, lone surrogates and combining accents.
   */
  static List<String> edges() {
    List<String> e = new ArrayList<>();
    e.add("&lt;3 love it &amp; you &quot;great&quot; &#39;bad&#39; &apos;meh&apos;&nbsp;ok &gt;:(");
    e.add("&amp;".repeat(30_000));
    e.add("good &lt;3 " + "x ".repeat(60_000) + "&lt;3 bad");
    e.add("x".repeat(1_990) + "&lt;3&lt;3&lt;3 terrible");
    e.add("a".repeat(1_999) + "😂 good");
    e.add("b ".repeat(999) + "😂😂 bad");
    e.add("&amp;".repeat(399) + "😂 " + "x".repeat(3_000));
    e.add("genial:) xD:( 10:30 [Florida]: :-P :P <3 </3 :') ;) ^^ ಠ_ಠ");
    e.add("No me gustó NADA!!! ¿¿por qué?? ¡¡qué mal!! …pésimo servicio… “horrible” (fatal)");
    e.add("I don’t like it, it’s baaaaad; soooo gooood!!! rock'n'roll l'amour");
    e.add("#EpicFail #MuyMal #notgood #buenservicio #my_brand_rocks @user_name_1 @Movistar");
    e.add("e\u0301xito bien\u0300 cafe\u0301 naïve coöperate ÉXITO Über ßtraße");
    e.add("\uD83D lone \uDE02 surrogates \uD83D\uDE02 ok \uFE0F❤️ ❤ ♥ ☺ ☹");
    e.add("https://t.co/abc good http://x.y bad www.example.com meh wwwhat hhttp");
    e.add("ÇA VA? ça va très bien, merci! Isso é ótimo, não? Das ist schön. È bellissimo");
    e.add("q no m gusta xq es malisimo, x favor, tmb lo recomiendo 100% jajajaja lol hahaha");
    e.add("\n\n.\n...!?!?..,,;;::||//\t\r" + "\u0000".repeat(5));
    e.add("");
    e.add(" ");
    e.add("İSTANBUL Kelvin \u212A ǅemal ﬁne");
    return e;
  }

  /** Every field of a result, doubles exact (shortest round-trip decimal). */
  static String line(Analysis r) {
    return r.compound
        + "\t"
        + r.pos
        + "\t"
        + r.neg
        + "\t"
        + r.neu
        + "\t"
        + r.lang
        + "\t"
        + r.intents
        + "\t"
        + r.hashtags
        + "\t"
        + r.terms;
  }

  /** The text column (third tab-separated field) of a rated or labelled set; comments skipped. */
  static List<String> texts(String content) {
    List<String> out = new ArrayList<>();
    for (String l : content.split("\n", -1)) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\t");
      out.add(f.length >= 3 ? f[2] : l);
    }
    return out;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ../shared/data/sentiment/eval beside the project root (the folder holding mvnw). */
  private static Path sharedEvalDir() {
    Path start = Path.of("").toAbsolutePath();
    Path root = start;
    while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    assertThat(root).as("project root (folder with mvnw) above %s", start).isNotNull();
    Path dir = root.getParent().resolve("shared/data/sentiment/eval").normalize();
    assertThat(dir)
        .as("VADER's rated sets: the shared data folder must sit beside the project root")
        .isDirectory();
    return dir;
  }
}
