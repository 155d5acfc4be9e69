/**
 * Customer-value models: BG/NBD (Fader, Hardie &amp; Lee 2005) for the number of repeat purchases
 * and the probability that a customer is still active, Gamma-Gamma (Fader, Hardie &amp; Lee 2005,
 * "RFM and CLV") for the average spend per purchase, and customer lifetime value from both. Plain
 * Java, no Flink, no numerical library: special functions and the optimizer are in this package.
 *
 * <p>Time is in whatever unit the summaries use (the CDNOW cohort uses weeks); every parameter with
 * a time dimension ({@code alpha}, horizons) is in that unit.
 */
package io.rapport.scoring.clv;
