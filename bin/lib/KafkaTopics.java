/*
 * Topic setup for the local stack (bin/rapport stack up), run with Java's single-file source
 * launcher against the broker's own jars: java -cp 'kafka/lib/*' KafkaTopics.java ...
 *
 * Usage: KafkaTopics --bootstrap HOST:PORT [--timeout SECONDS] [--list]
 *                    [NAME:PARTITIONS[:compact] ...]
 *
 * Waits until the broker answers (up to the timeout), creates the topics that do not exist yet
 * (replication factor 1; ":compact" sets cleanup.policy=compact), leaves existing ones alone, and
 * prints one line per topic. With --list it prints the broker's topics and their partition counts.
 * Exit status 1 when the broker does not answer in time or a topic cannot be created.
 */
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

public class KafkaTopics {

  public static void main(String[] args) throws Exception {
    String bootstrap = null;
    long timeoutSeconds = 60;
    boolean list = false;
    List<String> specs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--bootstrap" -> bootstrap = args[++i];
        case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
        case "--list" -> list = true;
        default -> specs.add(args[i]);
      }
    }
    if (bootstrap == null) {
      System.err.println("KafkaTopics: --bootstrap HOST:PORT is required");
      System.exit(2);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "rapport-stack");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    try (Admin admin = Admin.create(props)) {
      awaitBroker(admin, bootstrap, deadline);
      if (!specs.isEmpty()) {
        create(admin, specs, deadline);
      }
      if (list) {
        Set<String> names = admin.listTopics().names().get();
        Map<String, TopicDescription> described =
            new TreeMap<>(admin.describeTopics(names).allTopicNames().get());
        described.forEach(
            (name, d) -> System.out.println(name + " partitions=" + d.partitions().size()));
      }
    }
  }

  private static void awaitBroker(Admin admin, String bootstrap, long deadline)
      throws InterruptedException {
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        int nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
        if (nodes > 0) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(500);
    }
    System.err.println(
        "KafkaTopics: broker at "
            + bootstrap
            + " did not answer in time"
            + (last == null ? "" : ": " + last));
    System.exit(1);
  }

  private static void create(Admin admin, List<String> specs, long deadline) throws Exception {
    Map<String, NewTopic> wanted = new HashMap<>();
    for (String spec : specs) {
      String[] parts = spec.split(":");
      NewTopic topic = new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1);
      if (parts.length > 2 && parts[2].equals("compact")) {
        topic.configs(Map.of("cleanup.policy", "compact"));
      }
      wanted.put(parts[0], topic);
    }
    while (true) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (NewTopic t : wanted.values()) {
        if (!existing.contains(t.name())) {
          missing.add(t);
        }
      }
      if (missing.isEmpty()) {
        break;
      }
      try {
        admin.createTopics(missing).all().get();
        for (NewTopic t : missing) {
          System.out.println(
              "  created topic "
                  + t.name()
                  + " ("
                  + t.numPartitions()
                  + " partitions"
                  + (t.configs() == null ? "" : ", compacted")
                  + ")");
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          if (System.nanoTime() > deadline) {
            System.err.println("KafkaTopics: could not create topics: " + e.getCause());
            System.exit(1);
          }
          Thread.sleep(500); // the controller may still be settling; retry until the deadline
        }
      }
    }
  }
}
