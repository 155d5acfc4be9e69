/**
 * Social listening, without Flink: which tracked brand a mention is about ({@link
 * io.rapport.listening.TrackedBrands}), per-brand window aggregates ({@link
 * io.rapport.listening.ListeningAccumulator}, {@link io.rapport.listening.ListeningAggregate}) with
 * bounded heavy-hitter counters ({@link io.rapport.listening.SpaceSaving}), share of voice ({@link
 * io.rapport.listening.ShareOfVoice}), crisis detection ({@link
 * io.rapport.listening.CrisisDetector}) and the Elasticsearch documents ({@link
 * io.rapport.listening.ListeningDocuments}).
 */
package io.rapport.listening;
