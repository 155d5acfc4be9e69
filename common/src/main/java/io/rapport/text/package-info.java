/**
 * Text analysis for Spanish and English social media: language identification, sentiment and
 * intents. Plain Java, no Flink.
 *
 * <p>Entry point: {@link io.rapport.text.TextAnalyzer#shared()} then {@link
 * io.rapport.text.TextAnalyzer#analyze(String, String)}, which returns an {@link
 * io.rapport.text.Analysis} (compound in [-1, 1], pos/neg/neu proportions, language "es", "en" or
 * "und", intents, hashtags, terms). The analyzer is immutable and thread-safe; in a Flink operator,
 * fetch it in {@code open()}.
 *
 * <p>Pipeline per text (capped at 2,000 characters and 300 tokens): HTML entities decoded;
 * tokenization into words, hashtags, handles, URLs, emoji, emoticons and punctuation; lexicon
 * lookup on lower-cased, accent-folded keys with elongations collapsed and spelling aliases ("q",
 * "xq", "tb", "u") resolved; language identification ({@link io.rapport.text.LanguageDetector});
 * the sentiment rules ({@code SentimentScorer}: phrases and idioms, intensifiers and dampeners,
 * negation scope, "never so" emphasis, ALL CAPS, elongation, adversative and concessive contrast,
 * questions, exclamation marks, emoji and emoticons, hashtags, length normalization); intents
 * ({@link io.rapport.text.IntentDetector}). Lexicons, rule words and their licenses: resources
 * under {@code lexicons/} and {@code lexicons/README.md}.
 *
 * <p>Command line: {@link io.rapport.text.SentimentCli} ({@code bin/rapport sentiment}).
 */
package io.rapport.text;
