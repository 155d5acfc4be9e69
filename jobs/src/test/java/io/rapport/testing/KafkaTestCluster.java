package io.rapport.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka broker (KRaft, combined broker + controller) inside the test JVM, started lazily
 * on first use and stopped by a shutdown hook. It listens on 127.0.0.1 only, on free ephemeral
 * ports; tests isolate themselves with {@link #uniqueTopic(String)} instead of restarting it.
 *
 * <p>Configured for single-node transactions and consumer groups (replication factor 1, no initial
 * rebalance delay), so exactly-once producers and {@code read_committed} consumers work.
 *
 * <pre>{@code
 * KafkaTestCluster kafka = KafkaTestCluster.get();
 * String topic = kafka.uniqueTopic("mentions", 2);
 * kafka.produce(topic, null, "{...}".getBytes(UTF_8));
 * List<ConsumerRecord<byte[], byte[]>> out =
 *     kafka.consumeAll(topic, IsolationLevel.READ_COMMITTED, 1, Duration.ofSeconds(30));
 * }</pre>
 */
public final class KafkaTestCluster {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTestCluster.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String CONTROLLER = "CONTROLLER";
  private static volatile KafkaTestCluster instance;

  /** A failed start is not retried by every test: they all fail fast with its cause. */
  private static RuntimeException startFailure;

  private final Path baseDir;
  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Admin admin;

  private KafkaTestCluster(Path baseDir, KafkaRaftServer server, String bootstrapServers) {
    this.baseDir = baseDir;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.admin = Admin.create(props);
  }

  /** The broker of this JVM, started on first call (takes a few seconds). */
  public static KafkaTestCluster get() {
    KafkaTestCluster cluster = instance;
    if (cluster == null) {
      synchronized (KafkaTestCluster.class) {
        cluster = instance;
        if (cluster == null) {
          if (startFailure != null) {
            throw new IllegalStateException("an earlier start failed", startFailure);
          }
          try {
            cluster = start();
          } catch (RuntimeException e) {
            startFailure = e;
            throw e;
          }
          instance = cluster;
          KafkaTestCluster started = cluster;
          Runtime.getRuntime()
              .addShutdownHook(new Thread(started::stop, "kafka-test-cluster-shutdown"));
        }
      }
    }
    return cluster;
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** An admin client on this broker, shared: do not close it. */
  public Admin admin() {
    return admin;
  }

  /** Creates a topic (replication factor 1); an existing topic of that name is left as it is. */
  public void createTopic(String name, int partitions) {
    try {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + name, e.getCause());
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    }
  }

  /** Creates a topic with a name unique in this JVM, starting with {@code prefix}, 1 partition. */
  public String uniqueTopic(String prefix) {
    return uniqueTopic(prefix, 1);
  }

  /** Creates a topic with a name unique in this JVM, starting with {@code prefix}. */
  public String uniqueTopic(String prefix, int partitions) {
    String name = uniqueName(prefix);
    createTopic(name, partitions);
    return name;
  }

  /** A name unique in this JVM (for topics, consumer groups, transactional ids), not created. */
  public static String uniqueName(String prefix) {
    return prefix
        + "-"
        + COUNTER.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  /** Client properties with only {@code bootstrap.servers} set. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  /** Properties of an idempotent byte-array producer ({@code acks=all}). */
  public Properties producerProperties() {
    Properties props = clientProperties();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    return props;
  }

  /** Properties of a byte-array consumer of {@code groupId} reading from the earliest offset. */
  public Properties consumerProperties(String groupId, IsolationLevel isolation) {
    Properties props = clientProperties();
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    if (groupId != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    return props;
  }

  /**
   * Writes one record (key may be null), waits for the acknowledgement and returns it (partition,
   * offset and timestamp of the record in Kafka).
   */
  public RecordMetadata produce(String topic, byte[] key, byte[] value) {
    return produceAll(List.of(new ProducerRecord<>(topic, key, value))).get(0);
  }

  /** Writes one record with a UTF-8 key (may be null) and value. */
  public void produce(String topic, String key, String value) {
    produce(topic, utf8(key), utf8(value));
  }

  /** Writes the values (no keys, UTF-8) in order and waits for all acknowledgements. */
  public void produceValues(String topic, Collection<String> values) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (String value : values) {
      records.add(new ProducerRecord<>(topic, null, utf8(value)));
    }
    produceAll(records);
  }

  /**
   * Writes the records in order (non-transactionally), waits for all acknowledgements and returns
   * them in the same order.
   */
  public List<RecordMetadata> produceAll(List<ProducerRecord<byte[], byte[]>> records) {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
      List<java.util.concurrent.Future<RecordMetadata>> acks = new ArrayList<>();
      for (ProducerRecord<byte[], byte[]> record : records) {
        acks.add(producer.send(record));
      }
      List<RecordMetadata> written = new ArrayList<>();
      for (java.util.concurrent.Future<RecordMetadata> ack : acks) {
        written.add(ack.get(30, TimeUnit.SECONDS));
      }
      return written;
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to Kafka", e);
    }
  }

  /**
   * Writes the records in one transaction and commits it if {@code commit}, aborts it otherwise.
   */
  public void produceTransactionally(List<ProducerRecord<byte[], byte[]>> records, boolean commit) {
    Properties props = producerProperties();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, uniqueName("tx"));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record);
      }
      producer.flush();
      if (commit) {
        producer.commitTransaction();
      } else {
        producer.abortTransaction();
      }
    }
  }

  /**
   * Reads every partition of {@code topic} from the beginning (no consumer group) until at least
   * {@code expectedCount} records were read and the end of every partition was reached, or the
   * timeout expired; returns what was read (so a test can assert on missing or extra records). With
   * {@link IsolationLevel#READ_COMMITTED} the end is the last stable offset: open transactions
   * block, aborted records are skipped.
   */
  public List<ConsumerRecord<byte[], byte[]>> consumeAll(
      String topic, IsolationLevel isolation, int expectedCount, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(consumerProperties(null, isolation))) {
      List<TopicPartition> partitions = waitForPartitions(consumer, topic, deadline);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        records.forEach(out::add);
        if (out.size() >= expectedCount && atEnd(consumer, partitions)) {
          break;
        }
      }
    }
    return out;
  }

  /** {@link #consumeAll} with the values decoded as UTF-8. */
  public List<String> consumeValues(
      String topic, IsolationLevel isolation, int expectedCount, Duration timeout) {
    return consumeAll(topic, isolation, expectedCount, timeout).stream()
        .map(r -> r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
    for (TopicPartition tp : partitions) {
      if (consumer.position(tp, Duration.ofSeconds(10)) < end.get(tp)) {
        return false;
      }
    }
    return true;
  }

  private static List<TopicPartition> waitForPartitions(
      KafkaConsumer<?, ?> consumer, String topic, long deadline) {
    while (true) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .collect(Collectors.toList());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      sleep(100);
    }
  }

  /** The committed offsets of a consumer group, by partition (empty if none). */
  public Map<TopicPartition, Long> committedOffsets(String groupId) {
    try {
      Map<TopicPartition, Long> out = new HashMap<>();
      admin
          .listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, om) -> out.put(tp, om == null ? null : om.offset()));
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read offsets of group " + groupId, e);
    }
  }

  /** The topic names currently on the broker. */
  public Set<String> topics() {
    try {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  // --------------------------------------------------------------------------------------------

  private static KafkaTestCluster start() {
    long t0 = System.nanoTime();
    RuntimeException last = null;
    // The ports are found free just before the broker binds them: another process may take one in
    // between, so a failed start is retried on new ports.
    for (int attempt = 1; attempt <= 3; attempt++) {
      Path dir = null;
      KafkaRaftServer server = null;
      try {
        dir = Files.createTempDirectory("rapport-kafka-");
        int brokerPort = freePort();
        int controllerPort = freePort();
        Map<String, Object> props = brokerConfig(dir, brokerPort, controllerPort);
        KafkaConfig config = new KafkaConfig(props, false);
        new Formatter()
            .setClusterId(Uuid.randomUuid().toString())
            .setNodeId(1)
            .setControllerListenerName(CONTROLLER)
            .setMetadataLogDirectory(config.metadataLogDir())
            .setDirectories(List.of(dir.resolve("data").toString()))
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .run();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + brokerPort;
        KafkaTestCluster cluster = new KafkaTestCluster(dir, server, bootstrap);
        cluster.awaitReady();
        LOG.info(
            "Kafka test broker on {} started in {} ms ({})",
            bootstrap,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
            dir);
        return cluster;
      } catch (Exception e) {
        last = new IllegalStateException("cannot start the Kafka test broker", e);
        LOG.warn("Kafka test broker start attempt {} failed", attempt, e);
        if (server != null) {
          try {
            server.shutdown();
            server.awaitShutdown();
          } catch (RuntimeException ignored) {
            // best effort
          }
        }
        if (dir != null) {
          deleteRecursively(dir);
        }
      }
    }
    throw last;
  }

  private static Map<String, Object> brokerConfig(Path dir, int brokerPort, int controllerPort) {
    Map<String, Object> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:"
            + brokerPort
            + ","
            + CONTROLLER
            + "://127.0.0.1:"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dir.resolve("data").toString());
    // single node: internal topics with replication factor 1 and few partitions
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "2");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "2");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("share.coordinator.state.topic.num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Flink's exactly-once Kafka sink uses long transaction timeouts
    p.put("transaction.max.timeout.ms", "3600000");
    // Tests produce generated records whose timestamps are their event times (2026 onwards, months
    // old): with the default time-based retention (7 days), the first retention check (30 s after
    // start, then every 5 min) deleted whole input topics under a running test, which then read
    // nothing (GeneratedInputITCase found no dead letters). Keep everything; the broker lives in a
    // temporary directory. Retention is checked every second, so a regression shows at once.
    p.put("log.retention.ms", "-1");
    p.put("log.retention.check.interval.ms", "1000");
    p.put("log.initial.task.delay.ms", "1000");
    // frugal: the build machine is shared
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("num.replica.fetchers", "1");
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", "2097152");
    p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.put("transaction.state.log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.put("offsets.topic.segment.bytes", Integer.toString(16 * 1024 * 1024));
    return p;
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Kafka test broker did not become ready");
      }
      sleep(100);
    }
  }

  private void stop() {
    try {
      admin.close(Duration.ofSeconds(5));
    } catch (RuntimeException ignored) {
      // best effort
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka test broker shutdown failed", e);
    }
    deleteRecursively(baseDir);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort
                }
              });
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
