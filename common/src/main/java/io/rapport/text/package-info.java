/**
 * Text analysis for Spanish and English social media: language identification, sentiment and
 * intents. Plain Java, no Flink.
 */
package io.rapport.text;
