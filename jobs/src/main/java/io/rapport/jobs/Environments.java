package io.rapport.jobs;

import static io.rapport.jobs.RapportOptions.CHECKPOINT_DIR;
import static io.rapport.jobs.RapportOptions.CHECKPOINT_INTERVAL;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Execution settings shared by every deployment of the job: exactly-once checkpoints, no Kryo. */
public final class Environments {
  private Environments() {}

  public static void configure(StreamExecutionEnvironment env, Configuration conf) {
    Configuration settings = new Configuration();
    // Every record type is a POJO or a basic type: a fallback to Kryo is a bug, caught at build
    // time.
    settings.set(PipelineOptions.GENERIC_TYPES, false);
    conf.getOptional(CHECKPOINT_DIR)
        .ifPresent(dir -> settings.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
    env.configure(settings);
    env.enableCheckpointing(
        conf.get(CHECKPOINT_INTERVAL).toMillis(), CheckpointingMode.EXACTLY_ONCE);
  }
}
