package io.rapport.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.serde.ParseResult;
import io.rapport.serde.RecordParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole product on the real local stack: {@code bin/rapport stack deps} and {@code stack up}
 * (Kafka, Elasticsearch and a Flink session cluster on loopback, on free ports and in a state dir
 * of its own), {@code bin/rapport submit} of the shaded job jar, input produced with {@code kcat
 * -P} from {@code src/test/resources/e2e/*.jsonl}, and the results read back from where a user
 * would read them: dead letters and alerts from Kafka ({@code kcat -C}, read_committed) and
 * customer profiles from Elasticsearch. {@code stack down --purge} afterwards, always; the
 * services' logs are kept in {@code target/e2e-logs/}.
 *
 * <p>Input is produced in three stages (customers, transactions, mentions), each once the job has
 * visibly processed the previous one, so that the expectations do not depend on how the job
 * interleaves its input topics. Fixture times are shifted so that the newest event is a few minutes
 * old.
 *
 * <p>Skip with {@code -Drapport.e2e.skip=true} or {@code RAPPORT_E2E_SKIP=1}.
 */
class LocalStackEndToEndITCase {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String BRAND = "lumen";
  private static final String TOP_SPENDER = "c-0001";
  private static final String SECOND_SPENDER = "c-0002";
  private static final String LOW_SPENDER_COMPLAINING = "c-0015";
  private static final String TOP_SPENDER_COMPLAINT = "m-0004";
  private static final String HIGH_VALUE_COMPLAINT = "HIGH_VALUE_COMPLAINT";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path home;
  private static Path stateDir;
  private static final Map<String, String> env = new LinkedHashMap<>();
  private static int kafkaPort;
  private static int esPort;
  private static int flinkPort;
  private static String jobId;

  @BeforeAll
  static void startStack() throws Exception {
    assumeFalse(
        Boolean.getBoolean("rapport.e2e.skip") || "1".equals(System.getenv("RAPPORT_E2E_SKIP")),
        "end-to-end test skipped on request");
    assumeTrue(
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
        "the local stack runs on Linux");
    home = findHome();
    stateDir = home.resolve("jobs/target/e2e-stack");
    if (Files.exists(stateDir)) {
      // Leftovers of an interrupted run: its stack.env names its ports.
      run(
          Duration.ofMinutes(2),
          null,
          Map.of("RAPPORT_STACK_DIR", stateDir.toString()),
          rapport("stack", "down", "--purge"));
    }
    int[] ports = freePorts(6);
    kafkaPort = ports[0];
    esPort = ports[2];
    flinkPort = ports[4];
    env.put("RAPPORT_STACK_DIR", stateDir.toString());
    env.put("RAPPORT_KAFKA_PORT", String.valueOf(ports[0]));
    env.put("RAPPORT_KAFKA_CONTROLLER_PORT", String.valueOf(ports[1]));
    env.put("RAPPORT_ES_PORT", String.valueOf(ports[2]));
    env.put("RAPPORT_ES_TRANSPORT_PORT", String.valueOf(ports[3]));
    env.put("RAPPORT_FLINK_PORT", String.valueOf(ports[4]));
    env.put("RAPPORT_FLINK_RPC_PORT", String.valueOf(ports[5]));
    env.put("RAPPORT_FLINK_REST", "http://127.0.0.1:" + flinkPort);
    env.put("RAPPORT_FLINK_SLOTS", "4"); // parallelism 2, with room for a second slot sharing group
    env.put("RAPPORT_STACK_TIMEOUT", "180");
    env.put("RAPPORT_SUBMIT_TIMEOUT", "120");
    // The jar under test is the one `mvn verify` packaged; never rebuild from inside the build.
    env.put("RAPPORT_NO_BUILD", "1");
    log("ports " + env);

    step("stack deps", Duration.ofMinutes(5), rapport("stack", "deps"));
    step("stack up", Duration.ofMinutes(5), rapport("stack", "up"));
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (stateDir == null || !Files.exists(stateDir)) {
      return;
    }
    keepLogs();
    Result down = run(Duration.ofMinutes(2), null, env, rapport("stack", "down", "--purge"));
    log("stack down --purge: exit " + down.exit() + "\n" + down.output());
  }

  @Test
  void customersTransactionsAndMentionsBecomeProfilesAlertsAndDeadLetters() throws Exception {
    try {
      runPipeline();
    } catch (Throwable e) {
      diagnostics();
      throw e;
    }
  }

  private void runPipeline() throws Exception {
    Path jar = home.resolve("jobs/target/rapport-jobs-0.1.0-SNAPSHOT-job.jar");
    assertThat(jar).as("the shaded job jar (mvn package builds it)").exists();
    String group = "rapport-e2e-" + System.currentTimeMillis();
    Result submit =
        step(
            "submit",
            Duration.ofMinutes(3),
            rapport(
                "submit",
                "--parallelism",
                "2",
                "--kafka.bootstrap-servers",
                "127.0.0.1:" + kafkaPort,
                "--kafka.group-id",
                group,
                "--topic.mentions",
                "social.mentions",
                "--topic.customers",
                "crm.customers",
                "--topic.transactions",
                "crm.transactions",
                "--topic.alerts",
                "rapport.alerts",
                "--topic.deadletter",
                "rapport.deadletter",
                "--elasticsearch.hosts",
                "http://127.0.0.1:" + esPort,
                "--elasticsearch.index-prefix",
                "rapport-",
                "--checkpoint.interval",
                "2s",
                "--brand",
                BRAND,
                "--competitors",
                "nova"));
    jobId =
        submit
            .output()
            .lines()
            .filter(l -> l.contains("submitted job "))
            .map(l -> l.substring(l.indexOf("submitted job ") + 14).trim())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no job id in:\n" + submit.output()));

    Fixture customers = Fixture.load("customers.jsonl", "crm.customers");
    Fixture transactions = Fixture.load("transactions.jsonl", "crm.transactions");
    Fixture mentions = Fixture.load("mentions.jsonl", "social.mentions");
    Duration shift = Fixture.shiftToNow(List.of(customers, transactions, mentions));
    log("fixture times shifted by " + shift);

    // Stage 1: every CRM customer gets a profile.
    produce(customers);
    List<String> customerIds = customers.validIds("customerId");
    await(
        "a profile in rapport-customers for each of the " + customerIds.size() + " customers",
        () -> profiles(customerIds),
        p -> p.size() == customerIds.size());

    // Stage 2: purchases and returns are counted into the profiles.
    produce(transactions);
    long purchases =
        transactions.valid().stream()
            .filter(t -> t.path("type").asText().equals("purchase"))
            .count();
    Map<String, JsonNode> afterTransactions =
        await(
            purchases + " purchases counted into the profiles",
            () -> profiles(customerIds),
            p -> sum(p, "purchaseCount") == purchases && sum(p, "returnCount") == 1);
    JsonNode top = afterTransactions.get(TOP_SPENDER);
    assertThat(top.path("purchaseCount").asLong()).isEqualTo(3);
    assertThat(top.path("totalSpend").asDouble()).isCloseTo(5000.0, within());
    assertThat(top.path("currency").asText()).isEqualTo("EUR");
    JsonNode second = afterTransactions.get(SECOND_SPENDER);
    assertThat(second.path("purchaseCount").asLong()).isEqualTo(3);
    assertThat(second.path("returnCount").asLong()).isEqualTo(1);
    assertThat(second.path("returnedAmount").asDouble()).isCloseTo(100.0, within());

    // Stage 3: mentions are linked to their authors' profiles; the top spender's complaint alerts.
    produce(mentions);
    Map<String, JsonNode> afterMentions =
        await(
            "mentions counted into the profiles of "
                + TOP_SPENDER
                + ", "
                + SECOND_SPENDER
                + " and "
                + LOW_SPENDER_COMPLAINING,
            () -> profiles(List.of(TOP_SPENDER, SECOND_SPENDER, LOW_SPENDER_COMPLAINING)),
            p ->
                p.size() == 3
                    && p.values().stream().allMatch(v -> v.path("mentionCount").asLong() == 1));
    assertThat(afterMentions.get(TOP_SPENDER).path("negativeMentions").asLong()).isEqualTo(1);
    assertThat(afterMentions.get(LOW_SPENDER_COMPLAINING).path("negativeMentions").asLong())
        .isEqualTo(1);
    assertThat(afterMentions.get(SECOND_SPENDER).path("positiveMentions").asLong()).isEqualTo(1);
    assertThat(afterMentions.get(TOP_SPENDER).path("purchaseCount").asLong()).isEqualTo(3);

    List<JsonNode> alerts =
        await(
            "a " + HIGH_VALUE_COMPLAINT + " alert for " + TOP_SPENDER + " in rapport.alerts",
            () -> consume("rapport.alerts"),
            a -> a.stream().anyMatch(LocalStackEndToEndITCase::isTopSpenderComplaint));
    JsonNode alert =
        alerts.stream().filter(LocalStackEndToEndITCase::isTopSpenderComplaint).findFirst().get();
    assertThat(alert.path("alertId").asText()).isNotBlank();
    assertThat(alert.path("severity").asText()).isNotBlank();
    assertThat(alert.path("brand").asText()).isEqualTo(BRAND);
    assertThat(alert.path("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(texts(alert.path("evidence").path("mentionIds"))).contains(TOP_SPENDER_COMPLAINT);

    // One dead letter per malformed line, with the same error code as the contract's parser.
    Map<String, Long> expectedDeadLetters =
        Stream.of(customers, transactions, mentions)
            .flatMap(f -> f.rejected().stream())
            .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
    long expectedCount = expectedDeadLetters.values().stream().mapToLong(Long::longValue).sum();
    List<JsonNode> deadLetters =
        await(
            expectedCount + " dead letters in rapport.deadletter",
            () -> consume("rapport.deadletter"),
            d -> d.size() >= expectedCount);
    Map<String, Long> actualDeadLetters =
        deadLetters.stream()
            .map(d -> d.path("sourceTopic").asText() + " " + d.path("errorCode").asText())
            .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
    assertThat(actualDeadLetters).isEqualTo(expectedDeadLetters);
    List<String> sent =
        Stream.of(customers, transactions, mentions)
            .flatMap(f -> f.lines.stream())
            .collect(Collectors.toList());
    for (JsonNode d : deadLetters) {
      assertThat(d.path("reason").asText()).as("reason of %s", d).isNotBlank();
      String payload =
          new String(Base64.getDecoder().decode(d.path("payloadBase64").asText()), UTF_8);
      assertThat(sent).as("the original record of dead letter %s", d).contains(payload);
    }

    // By now the job has processed every mention in several checkpoints: the other two were no
    // high-value complaints (one from a low spender, one positive).
    List<JsonNode> finalAlerts = consume("rapport.alerts");
    assertThat(finalAlerts)
        .filteredOn(a -> HIGH_VALUE_COMPLAINT.equals(a.path("type").asText()))
        .extracting(a -> a.path("customerId").asText())
        .containsOnly(TOP_SPENDER);
    log("alerts: " + finalAlerts);
  }

  private static boolean isTopSpenderComplaint(JsonNode a) {
    return HIGH_VALUE_COMPLAINT.equals(a.path("type").asText())
        && TOP_SPENDER.equals(a.path("customerId").asText());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }

  private static long sum(Map<String, JsonNode> profiles, String field) {
    return profiles.values().stream().mapToLong(p -> p.path(field).asLong()).sum();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Kafka and Elasticsearch, the way a user reaches them

  /**
   * Produces a fixture's lines with keys, as the source systems would: the customer id for
   * customers and transactions (so that one customer's records stay in order in one partition), the
   * mention id for mentions, "malformed" for lines that are no JSON object.
   */
  private static void produce(Fixture f) throws Exception {
    StringBuilder input = new StringBuilder();
    for (String line : f.lines) {
      input.append(f.key(line)).append('\t').append(line).append('\n');
    }
    Result r =
        run(
            Duration.ofSeconds(60),
            input.toString(),
            env,
            List.of("kcat", "-b", "127.0.0.1:" + kafkaPort, "-P", "-t", f.topic, "-K", "\t"));
    if (r.exit() != 0) {
      fail("kcat -P to " + f.topic + " failed:\n" + r.output());
    }
    log("produced " + f.lines.size() + " records to " + f.topic);
  }

  /** Every committed record of a topic, from the beginning, as JSON. */
  private static List<JsonNode> consume(String topic) throws Exception {
    Result r =
        run(
            Duration.ofSeconds(60),
            null,
            env,
            List.of(
                "kcat",
                "-b",
                "127.0.0.1:" + kafkaPort,
                "-C",
                "-t",
                topic,
                "-o",
                "beginning",
                "-e",
                "-q",
                "-X",
                "isolation.level=read_committed",
                "-f",
                "%s\\n"));
    if (r.exit() != 0) {
      throw new IllegalStateException("kcat -C " + topic + " failed:\n" + r.output());
    }
    List<JsonNode> out = new ArrayList<>();
    for (String line : r.output().split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  /** The profiles of these customers that exist in Elasticsearch, by id. */
  private static Map<String, JsonNode> profiles(List<String> ids) throws Exception {
    ObjectNode query = JSON.createObjectNode();
    query.put("size", ids.size());
    query.putObject("query").putObject("ids").set("values", JSON.valueToTree(ids));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + esPort + "/rapport-customers/_search"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(query)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, JsonNode> out = new TreeMap<>();
    if (response.statusCode() == 404) {
      return out; // no profile written yet: the index does not exist
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Elasticsearch answered " + response.statusCode() + ": " + response.body());
    }
    for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
      out.put(hit.path("_id").asText(), hit.path("_source"));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Fixtures

  /** The lines of one fixture file, for one topic; what the contract's parser accepts or not. */
  private static final class Fixture {
    final String topic;
    final List<String> lines;

    private Fixture(String topic, List<String> lines) {
      this.topic = topic;
      this.lines = lines;
    }

    static Fixture load(String resource, String topic) throws IOException {
      try (InputStream in =
          LocalStackEndToEndITCase.class.getResourceAsStream("/e2e/" + resource)) {
        Objects.requireNonNull(in, "test resource e2e/" + resource);
        List<String> lines =
            new String(in.readAllBytes(), UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .collect(Collectors.toCollection(ArrayList::new));
        return new Fixture(topic, lines);
      }
    }

    String key(String line) {
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        return "malformed";
      }
      if (node == null || !node.isObject()) {
        return "malformed";
      }
      String key;
      switch (topic) {
        case "crm.customers":
          key = node.path("customerId").asText();
          break;
        case "crm.transactions":
          key = node.path("customer").path("customerId").asText();
          break;
        default:
          key = node.path("mentionId").asText();
      }
      return key.isEmpty() ? "malformed" : key;
    }

    ParseResult<?> parse(String line) {
      RecordParser parser = new RecordParser();
      byte[] bytes = line.getBytes(UTF_8);
      switch (topic) {
        case "crm.customers":
          return parser.customer(bytes);
        case "crm.transactions":
          return parser.transaction(bytes);
        default:
          return parser.mention(bytes);
      }
    }

    /** "topic ERROR_CODE" for every line the contract rejects. */
    List<String> rejected() {
      List<String> out = new ArrayList<>();
      for (String line : lines) {
        ParseResult<?> r = parse(line);
        if (!r.isOk()) {
          out.add(topic + " " + r.error());
        }
      }
      return out;
    }

    List<JsonNode> valid() throws IOException {
      List<JsonNode> out = new ArrayList<>();
      for (String line : lines) {
        if (parse(line).isOk()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    }

    List<String> validIds(String field) throws IOException {
      return valid().stream().map(n -> n.path(field).asText()).distinct().sorted().toList();
    }

    /**
     * Moves the times of every JSON object line (top-level "time" and "updatedAt") by one shift, so
     * that the newest is five minutes old: the order and spacing of events are kept, and no event
     * is in the future or years old whenever the test runs. Lines that are not JSON objects stay as
     * they are.
     */
    static Duration shiftToNow(List<Fixture> fixtures) {
      Instant newest = Instant.EPOCH;
      for (Fixture f : fixtures) {
        for (String line : f.lines) {
          for (Instant t : times(line).values()) {
            newest = t.isAfter(newest) ? t : newest;
          }
        }
      }
      Duration shift = Duration.between(newest, Instant.now().minus(Duration.ofMinutes(5)));
      for (Fixture f : fixtures) {
        f.lines.replaceAll(line -> shifted(line, shift));
      }
      return shift;
    }

    private static Map<String, Instant> times(String line) {
      Map<String, Instant> out = new HashMap<>();
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        return out;
      }
      if (node != null && node.isObject()) {
        for (String field : List.of("time", "updatedAt")) {
          JsonNode v = node.get(field);
          if (v != null && v.isTextual()) {
            try {
              out.put(field, Instant.parse(v.asText()));
            } catch (RuntimeException notAnInstant) {
              // left as it is
            }
          }
        }
      }
      return out;
    }

    private static String shifted(String line, Duration shift) {
      Map<String, Instant> times = times(line);
      if (times.isEmpty()) {
        return line;
      }
      try {
        ObjectNode node = (ObjectNode) JSON.readTree(line);
        times.forEach((field, t) -> node.put(field, t.plus(shift).toString()));
        return JSON.writeValueAsString(node);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Processes, polling, diagnostics

  private record Result(int exit, String output) {}

  private static List<String> rapport(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/rapport").toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs a launcher command that must succeed, logging its output and duration. */
  private static Result step(String name, Duration timeout, List<String> cmd) throws Exception {
    long start = System.nanoTime();
    Result r = run(timeout, null, env, cmd);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    log(name + ": exit " + r.exit() + " after " + seconds + "s\n" + r.output());
    if (r.exit() != 0) {
      fail("bin/rapport " + name + " failed (exit " + r.exit() + "):\n" + r.output());
    }
    return r;
  }

  private static Result run(
      Duration timeout, String stdin, Map<String, String> environment, List<String> cmd)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
    pb.environment().putAll(environment);
    Process p = pb.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(UTF_8));
      }
    }
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      String partial = output.getNow("");
      fail(String.join(" ", cmd) + " did not finish within " + timeout + "\n" + partial);
    }
    return new Result(p.exitValue(), output.get(30, TimeUnit.SECONDS));
  }

  /** Polls until the value satisfies the condition; fails with the last value after WAIT. */
  private static <T> T await(String what, Callable<T> probe, Predicate<T> done) throws Exception {
    long start = System.nanoTime();
    long deadline = start + WAIT.toNanos();
    T last = null;
    Exception lastError = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.call();
        lastError = null;
        if (done.test(last)) {
          log(
              "ok after "
                  + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                  + " ms: "
                  + what);
          return last;
        }
      } catch (Exception e) {
        lastError = e;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "not within " + WAIT + ": " + what + "\nlast value: " + last, lastError);
  }

  private static void diagnostics() {
    try {
      log(run(Duration.ofSeconds(30), null, env, rapport("stack", "status")).output());
      String rest = "http://127.0.0.1:" + flinkPort;
      log("jobs: " + httpGet(rest + "/jobs/overview"));
      if (jobId != null) {
        String exceptions = httpGet(rest + "/jobs/" + jobId + "/exceptions");
        log("job exceptions: " + exceptions.substring(0, Math.min(exceptions.length(), 8000)));
      }
      for (String topic : List.of("rapport.deadletter", "rapport.alerts")) {
        try {
          log(topic + ": " + consume(topic));
        } catch (Exception e) {
          log(topic + ": " + e);
        }
      }
      for (String service : List.of("taskmanager", "jobmanager", "kafka", "elasticsearch")) {
        Path file = stateDir.resolve("logs/" + service + ".log");
        if (Files.exists(file)) {
          List<String> lines = Files.readAllLines(file, UTF_8);
          log(
              "----- last lines of "
                  + file
                  + " -----\n"
                  + String.join(
                      "\n", lines.subList(Math.max(0, lines.size() - 120), lines.size())));
        }
      }
    } catch (Exception e) {
      log("diagnostics failed: " + e);
    }
  }

  private static String httpGet(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** Copies the services' logs to target/e2e-logs before the state dir is purged. */
  private static void keepLogs() {
    Path logs = stateDir.resolve("logs");
    Path kept = home.resolve("jobs/target/e2e-logs");
    if (!Files.isDirectory(logs)) {
      return;
    }
    try (Stream<Path> files = Files.list(logs)) {
      Files.createDirectories(kept);
      for (Path f : files.toList()) {
        Files.copy(f, kept.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      log("service logs kept in " + kept);
    } catch (IOException e) {
      log("could not keep the logs: " + e);
    }
  }

  private static Path findHome() {
    String configured = System.getProperty("rapport.home");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("bin/rapport"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "bin/rapport not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        sockets.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  private static void log(String message) {
    System.out.println("[e2e " + Instant.now() + "] " + message);
  }
}
