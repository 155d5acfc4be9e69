/**
 * Customer-value models: BG/NBD (Fader, Hardie &amp; Lee 2005) for the number of repeat purchases
 * and the probability that a customer is still active, Gamma-Gamma (Fader, Hardie &amp; Lee 2005,
 * "RFM and CLV") for the average spend per purchase, and customer lifetime value from both. Plain
 * Java, no Flink, no numerical library: special functions and the optimizer are in this package.
 *
 * <p>Time is in whatever unit the summaries use (the CDNOW cohort uses weeks); every parameter with
 * a time dimension ({@code alpha}, horizons) is in that unit.
 *
 * <p>Typical use: build {@link io.rapport.scoring.clv.CustomerSummary} records from purchases with
 * {@link io.rapport.scoring.clv.TransactionSummarizer}, fit {@link io.rapport.scoring.clv.BgNbd}
 * and {@link io.rapport.scoring.clv.GammaGamma} offline (or with {@code bin/rapport clv fit FILE},
 * see {@link io.rapport.scoring.clv.ClvCli}), then score customers with {@link
 * io.rapport.scoring.clv.BgNbd#probabilityAlive}, {@link
 * io.rapport.scoring.clv.BgNbd#conditionalExpectedPurchases} and {@link
 * io.rapport.scoring.clv.Clv#value(double, double, double, double)}: these are cheap (well under
 * ten microseconds) and allocation-free.
 */
package io.rapport.scoring.clv;
