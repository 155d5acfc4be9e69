package io.rapport.jobs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The job's command line: {@code --key value} pairs of {@link RapportOptions}, Flink settings as
 * {@code --flink.<flink key> value}, and for the local demo {@code --demo} with {@code --seconds},
 * {@code --events}, {@code --rate}, {@code --output}. Unknown keys are an error, not ignored.
 */
public final class JobArguments {
  public static final String FLINK_PREFIX = "flink.";
  private static final Set<String> DEMO_KEYS =
      Set.of("seconds", "events", "rate", "output", "seed");

  private final boolean demo;
  private final Configuration configuration;
  private final Configuration flinkConfiguration;
  private final Map<String, String> demoOptions;

  private JobArguments(
      boolean demo,
      Configuration configuration,
      Configuration flinkConfiguration,
      Map<String, String> demoOptions) {
    this.demo = demo;
    this.configuration = configuration;
    this.flinkConfiguration = flinkConfiguration;
    this.demoOptions = demoOptions;
  }

  public static JobArguments parse(String... args) {
    Map<String, String> rapport = new HashMap<>();
    Map<String, String> flink = new HashMap<>();
    Map<String, String> demoOpts = new LinkedHashMap<>();
    boolean demo = false;
    Set<String> known = new TreeSet<>();
    for (ConfigOption<?> o : RapportOptions.all()) {
      known.add(o.key());
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected --key value, got '" + arg + "'");
      }
      String key = arg.substring(2);
      if (key.equals("demo")) {
        demo = true;
        continue;
      }
      String value;
      int eq = key.indexOf('=');
      if (eq > 0) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option --" + key + " needs a value");
        }
        value = args[++i];
      }
      if (known.contains(key)) {
        rapport.put(key, value);
      } else if (key.startsWith(FLINK_PREFIX) && key.length() > FLINK_PREFIX.length()) {
        flink.put(key.substring(FLINK_PREFIX.length()), value);
      } else if (DEMO_KEYS.contains(key)) {
        demoOpts.put(key, value);
      } else {
        throw new IllegalArgumentException(
            "unknown option --"
                + key
                + "; known options: "
                + String.join(", ", known)
                + ", --flink.<flink option>, and for --demo: "
                + DEMO_KEYS);
      }
    }
    if (!demo && !demoOpts.isEmpty()) {
      throw new IllegalArgumentException("options " + demoOpts.keySet() + " are only for --demo");
    }
    Configuration conf = Configuration.fromMap(rapport);
    // Read every option once, so that a malformed value fails here with its key.
    for (ConfigOption<?> o : RapportOptions.all()) {
      try {
        conf.get(o);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("bad value for --" + o.key() + ": " + e.getMessage(), e);
      }
    }
    return new JobArguments(demo, conf, Configuration.fromMap(flink), demoOpts);
  }

  public boolean demo() {
    return demo;
  }

  /** Rapport's own options. */
  public Configuration configuration() {
    return configuration;
  }

  /** Flink settings given as {@code --flink.<key>}. */
  public Configuration flinkConfiguration() {
    return flinkConfiguration;
  }

  /** A demo option, or the default. */
  public String demoOption(String key, String defaultValue) {
    return demoOptions.getOrDefault(key, defaultValue);
  }
}
