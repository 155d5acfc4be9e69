package io.rapport.text.bench;

import io.rapport.text.TextAnalyzer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmark of {@link TextAnalyzer#analyze(String)}: one operation = one text (the tweet set
 * cycled, or one adversarial input). Run: {@code bin/rapport bench sentiment-jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextAnalyzerJmh {
  @Param({SentimentBench.DEFAULT_TWEETS})
  public String tweetsFile;

  private TextAnalyzer analyzer;
  private String[] tweets;
  private String[] adversarial;
  private int i;
  private int j;

  @Setup
  public void setup() throws IOException {
    analyzer = TextAnalyzer.shared();
    List<String> t = SentimentBench.tweets(tweetsFile);
    tweets = t.toArray(new String[0]);
    adversarial = SentimentBench.adversarial().toArray(new String[0]);
  }

  @Benchmark
  public void tweet(Blackhole bh) {
    bh.consume(analyzer.analyze(tweets[i++ % tweets.length]));
  }

  @Benchmark
  public void adversarial(Blackhole bh) {
    bh.consume(analyzer.analyze(adversarial[j++ % adversarial.length]));
  }
}
