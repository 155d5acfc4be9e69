package io.rapport.jobs.identity;

import static io.rapport.jobs.RapportOptions.TOPIC_CUSTOMERS;
import static io.rapport.jobs.RapportOptions.TOPIC_MENTIONS;
import static io.rapport.jobs.RapportOptions.TOPIC_MERGES;
import static io.rapport.jobs.RapportOptions.TOPIC_TRANSACTIONS;
import static io.rapport.jobs.identity.IdentityJob.await;
import static io.rapport.jobs.identity.IdentityJob.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.jobs.RapportOptions;
import io.rapport.model.CustomerRecord;
import io.rapport.testing.FlinkTestCluster;
import io.rapport.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly once across a failure: the same input runs once undisturbed and once with the task
 * manager killed mid-stream (the job restores from its last checkpoint on a new task manager, the
 * Kafka sources rewind, open Kafka transactions are aborted). Final profiles, merge documents and
 * committed merge-log records must be identical.
 */
class IdentityFailoverITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

  private static final int CUSTOMERS = 24;

  /**
   * Phase 0: mentions by authors not linked yet (prospects); 1: the first half of the customers
   * (some link those prospects); 2: the second half (CRM duplicates, chains, more prospects); 3:
   * purchases and mentions of everyone. Each phase waits for the previous one, so that the outcome
   * does not depend on arrival order.
   */
  private static List<Object[]> phase(int phase) {
    List<Object[]> out = new ArrayList<>();
    switch (phase) {
      case 0:
        for (int i = 0; i < CUSTOMERS; i += 3) {
          out.add(
              new Object[] {
                TOPIC_MENTIONS,
                Samples.mention("pm" + i, "x", "fan" + i, "me encanta", Samples.T0.plusSeconds(i))
              });
        }
        break;
      case 1:
      case 2:
        int from = phase == 1 ? 0 : CUSTOMERS / 2;
        for (int i = from; i < from + CUSTOMERS / 2; i++) {
          out.add(new Object[] {TOPIC_CUSTOMERS, record(i)});
        }
        break;
      default:
        for (int i = 0; i < CUSTOMERS; i++) {
          String id = id(i);
          for (int k = 0; k < 3; k++) {
            out.add(
                new Object[] {
                  TOPIC_TRANSACTIONS,
                  Samples.purchase(
                      "t" + i + "-" + k, id, 10 + i + k, Samples.T0.plusSeconds(100 + k))
                });
          }
          out.add(
              new Object[] {
                TOPIC_MENTIONS,
                Samples.mention(
                    "m" + i, "x", "fan" + i, "qué desastre", Samples.T0.plusSeconds(200))
              });
        }
    }
    return out;
  }

  private static String id(int i) {
    return String.format("C%03d", 200 + i);
  }

  /**
   * Customer i has handle fan-i; every fourth customer of phase 2 is a CRM duplicate of the one 12
   * before (same email); every fifth of phase 2 also lists the next one's email (chains).
   */
  private static CustomerRecord record(int i) {
    List<String> emails = new ArrayList<>();
    emails.add((i >= CUSTOMERS / 2 && i % 4 == 0 ? "c" + (i - 12) : "c" + i) + "@example.com");
    if (i >= CUSTOMERS / 2 && i % 5 == 0 && i + 1 < CUSTOMERS) {
      emails.add("c" + (i + 1) + "@example.com");
    }
    return customer(id(i), emails, List.of("fan" + i), i);
  }

  private static void produceAll(IdentityJob it, List<Object[]> records) {
    for (Object[] r : records) {
      @SuppressWarnings("unchecked")
      var topic = (org.apache.flink.configuration.ConfigOption<String>) r[0];
      it.produce(topic, r[1]);
    }
  }

  private static IdentityJob job() {
    return new IdentityJob(
        Map.of(
            RapportOptions.IDENTITY_MENTION_HOLD_TIMEOUT.key(), "0 ms",
            RapportOptions.CHECKPOINT_INTERVAL.key(), "300 ms"));
  }

  /** What must be equal between the runs: each profile's counts, kind and merged ids. */
  private static Map<String, String> summary(Map<String, JsonNode> customers) {
    Map<String, String> out = new TreeMap<>();
    customers.forEach(
        (id, d) ->
            out.put(
                id,
                d.path("kind").asText()
                    + " mentions="
                    + d.path("mentionCount").asLong()
                    + "/"
                    + d.path("positiveMentions").asLong()
                    + "/"
                    + d.path("negativeMentions").asLong()
                    + " purchases="
                    + d.path("purchaseCount").asLong()
                    + " spend="
                    + d.path("totalSpend").asDouble()
                    + " merged="
                    + d.path("mergedIds")
                    + " ids="
                    + d.path("identifierCounts")));
    return out;
  }

  /** The absorbed id of each merge, sorted (duplicates would show). */
  private static List<String> absorbed(java.util.Collection<JsonNode> merges) {
    return merges.stream().map(m -> m.path("mergedId").asText()).sorted().toList();
  }

  private static long purchases(Map<String, JsonNode> customers) {
    return customers.values().stream().mapToLong(d -> d.path("purchaseCount").asLong()).sum();
  }

  private static long mentions(Map<String, JsonNode> customers) {
    return customers.values().stream().mapToLong(d -> d.path("mentionCount").asLong()).sum();
  }

  private static void awaitAllCounted(IdentityJob it) throws InterruptedException {
    await(
        "every event counted",
        () -> {
          Map<String, JsonNode> c = it.customers();
          return purchases(c) == 3L * CUSTOMERS
              && mentions(c) == CUSTOMERS + CUSTOMERS / 3
              && c.keySet().stream().noneMatch(k -> k.startsWith("prospect-"));
        });
  }

  private static void awaitPhase(IdentityJob it, int phase) throws InterruptedException {
    await(
        "phase " + phase,
        () -> {
          Map<String, JsonNode> c = it.customers();
          if (phase == 0) {
            return c.size() == (CUSTOMERS + 2) / 3;
          }
          List<String> known = new ArrayList<>(c.keySet());
          c.values().forEach(d -> d.path("mergedIds").forEach(m -> known.add(m.asText())));
          int upTo = phase == 1 ? CUSTOMERS / 2 : CUSTOMERS;
          for (int i = 0; i < upTo; i++) {
            if (!known.contains(id(i))) {
              return false;
            }
          }
          // every prospect of a linked handle is merged
          return c.keySet().stream().filter(k -> k.startsWith("prospect-")).count()
              == (phase == 1 ? (CUSTOMERS / 2 + 2) / 3 : 0);
        });
  }

  @Test
  void killedMidStreamAndRestoredEqualsAnUndisturbedRun(@InjectMiniCluster MiniCluster cluster)
      throws Exception {
    // Reference: no failure.
    IdentityJob reference = job();
    JobClient refJob = reference.start();
    Map<String, String> expected;
    Map<String, JsonNode> expectedMerges;
    int expectedLog;
    try {
      for (int phase = 0; phase <= 2; phase++) {
        produceAll(reference, phase(phase));
        awaitPhase(reference, phase);
      }
      produceAll(reference, phase(3));
      awaitAllCounted(reference);
      Thread.sleep(2000); // settle: nothing more may change
      expected = summary(reference.customers());
      expectedMerges = reference.docs("merges");
      expectedLog = reference.committed(TOPIC_MERGES, expectedMerges.size()).size();
    } finally {
      refJob.cancel().get();
    }
    assertThat(expectedMerges).isNotEmpty();
    assertThat(expectedLog).isEqualTo(expectedMerges.size());
    assertThat(absorbed(expectedMerges.values())).doesNotHaveDuplicates();
    assertThat(expected.values()).anyMatch(s -> s.contains("prospect-"));

    // Same input; the task manager dies in the middle of phase 2.
    IdentityJob failing = job();
    Configuration flink = FlinkTestCluster.jobConfiguration();
    flink.setString("restart-strategy.type", "fixed-delay");
    flink.setString("restart-strategy.fixed-delay.attempts", "50");
    flink.setString("restart-strategy.fixed-delay.delay", "1 s");
    JobClient job = failing.start(flink);
    try {
      produceAll(failing, phase(0));
      awaitPhase(failing, 0);
      produceAll(failing, phase(1));
      awaitPhase(failing, 1);
      Thread.sleep(1500); // a checkpoint with phases 0 and 1 completes
      // The task manager dies in the middle of phase 2 (merges, chains, folds in flight).
      List<Object[]> two = phase(2);
      produceAll(failing, two.subList(0, two.size() / 2));
      Thread.sleep(300);
      cluster.terminateTaskManager(0).get();
      produceAll(failing, two.subList(two.size() / 2, two.size()));
      cluster.startTaskManager();
      awaitPhase(failing, 2);
      produceAll(failing, phase(3));
      awaitAllCounted(failing);
      Thread.sleep(2000);
      assertThat(summary(failing.customers())).isEqualTo(expected);
      // Which merge absorbed which id may differ with arrival order (A into B then B into C, or
      // A and B into C); every id is absorbed exactly once either way.
      Map<String, JsonNode> merges = failing.docs("merges");
      assertThat(absorbed(merges.values())).isEqualTo(absorbed(expectedMerges.values()));
      List<JsonNode> log = failing.committed(TOPIC_MERGES, merges.size());
      assertThat(log).hasSize(merges.size());
      // No document of a merge the failed attempt made and the replay made otherwise: each
      // document is of a committed merge (a merge document is at its absorbed id, which the
      // replay's document replaces).
      assertThat(log.stream().map(r -> r.path("mergeId").asText()).sorted().toList())
          .isEqualTo(
              merges.values().stream().map(m -> m.path("mergeId").asText()).sorted().toList());
      assertThat(purchases(failing.customers())).isEqualTo(3L * CUSTOMERS);
      // the job did fail and restart from its checkpoint (not merely pause)
      assertThat(
              cluster
                  .getExecutionGraph(job.getJobID())
                  .get()
                  .getStatusTimestamp(org.apache.flink.api.common.JobStatus.RESTARTING))
          .isPositive();
    } finally {
      job.cancel().get();
    }
  }
}
