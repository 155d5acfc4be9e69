package io.rapport.testing;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * A Flink MiniCluster for ITCases: one task manager with {@value #PARALLELISM} slots, bound to
 * 127.0.0.1 on ephemeral ports, and stream environments with parallelism {@value #PARALLELISM},
 * generic (Kryo) types disabled, exactly-once checkpoints every {@value
 * #CHECKPOINT_INTERVAL_MILLIS} ms (also after tasks finish, so bounded jobs commit their last
 * transactions) and no restarts (a failure fails the test).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterExtension FLINK = FlinkTestCluster.extension();
 *
 * // in a test method:
 * void job() throws Exception {
 *   StreamExecutionEnvironment env = FlinkTestCluster.env();
 *   ...
 *   env.execute("test");
 * }
 * }</pre>
 */
public final class FlinkTestCluster {

  public static final int PARALLELISM = 2;
  public static final long CHECKPOINT_INTERVAL_MILLIS = 500;

  private FlinkTestCluster() {}

  /** The JUnit 5 extension; register it as a static field (one cluster per test class). */
  public static MiniClusterExtension extension() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .setConfiguration(clusterConfiguration())
            .build());
  }

  /** The cluster configuration: loopback only, small memory, generic types disabled. */
  public static Configuration clusterConfiguration() {
    Map<String, String> m = new HashMap<>();
    m.put("rest.bind-address", "127.0.0.1");
    m.put("rest.address", "127.0.0.1");
    m.put("jobmanager.bind-host", "127.0.0.1");
    m.put("taskmanager.bind-host", "127.0.0.1");
    m.put("taskmanager.host", "127.0.0.1");
    m.put("pipeline.generic-types", "false");
    m.put("taskmanager.memory.network.min", "64mb");
    m.put("taskmanager.memory.network.max", "64mb");
    m.put("taskmanager.memory.managed.size", "64mb");
    return Configuration.fromMap(m);
  }

  /**
   * The job configuration used by {@link #env()}; add to it and pass it to {@link
   * #env(Configuration)}.
   */
  public static Configuration jobConfiguration() {
    Map<String, String> m = new HashMap<>();
    m.put("parallelism.default", Integer.toString(PARALLELISM));
    m.put("pipeline.generic-types", "false");
    m.put("execution.checkpointing.interval", CHECKPOINT_INTERVAL_MILLIS + " ms");
    m.put("execution.checkpointing.mode", "EXACTLY_ONCE");
    m.put("execution.checkpointing.checkpoints-after-tasks-finish", "true");
    m.put("execution.checkpointing.min-pause", "100 ms");
    m.put("restart-strategy.type", "none");
    return Configuration.fromMap(m);
  }

  /** A stream environment on the extension's MiniCluster with {@link #jobConfiguration()}. */
  public static StreamExecutionEnvironment env() {
    return env(jobConfiguration());
  }

  /**
   * A stream environment on the extension's MiniCluster with the given configuration (start from
   * {@link #jobConfiguration()}; e.g. set {@code restart-strategy.type: fixed-delay} to test
   * recovery).
   */
  public static StreamExecutionEnvironment env(Configuration configuration) {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.configure(configuration);
    return env;
  }
}
