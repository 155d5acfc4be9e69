package io.rapport.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.jobs.sink.ElasticsearchSinkConfig;
import io.rapport.jobs.sink.EsClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Elasticsearch node for the test JVM, started lazily on first use (10-40 s) and stopped
 * by a shutdown hook. It runs as a separate process from the integ-test distribution that the build
 * copies into {@code target/elasticsearch-dist/} (system property {@code rapport.es.zip}), with the
 * test JVM's Java (override: system property {@code rapport.es.javaHome} or environment variable
 * {@code RAPPORT_ES_JAVA_HOME}), listening on 127.0.0.1 on free ports, with security off.
 *
 * <p>Elasticsearch refuses to run as root: when the tests run as root the node runs as the system
 * user {@code rapport}, created if missing. The distribution is unpacked once into {@code
 * java.io.tmpdir} (shared by every build on the machine); each node has its own configuration, data
 * and logs directory, deleted at exit. The distribution has no painless, ingest or mapper-extras
 * module.
 *
 * <p>Tests isolate themselves with {@link #uniqueIndexPrefix()} instead of restarting the node.
 */
public final class ElasticsearchTestNode {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchTestNode.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String ES_USER = "rapport";
  private static final long START_TIMEOUT_SECONDS = 180;
  private static volatile ElasticsearchTestNode instance;

  /** A failed start is not retried by every test: they all fail fast with its cause. */
  private static RuntimeException startFailure;

  private final Process process;
  private final Path runDir;
  private final String httpUrl;
  private final RestClient restClient;
  private volatile ElasticsearchClient client;

  private ElasticsearchTestNode(Process process, Path runDir, String httpUrl) {
    this.process = process;
    this.runDir = runDir;
    this.httpUrl = httpUrl;
    this.restClient = RestClient.builder(HttpHost.create(httpUrl)).build();
  }

  /** The node of this JVM, started on first call. */
  public static ElasticsearchTestNode get() {
    ElasticsearchTestNode node = instance;
    if (node == null) {
      synchronized (ElasticsearchTestNode.class) {
        node = instance;
        if (node == null) {
          if (startFailure != null) {
            throw new IllegalStateException("an earlier start failed", startFailure);
          }
          try {
            node = start();
          } catch (RuntimeException e) {
            startFailure = e;
            throw e;
          }
          instance = node;
        }
      }
    }
    return node;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String httpUrl() {
    return httpUrl;
  }

  /** A sink configuration for this node (small batches and a short flush interval). */
  public ElasticsearchSinkConfig sinkConfig() {
    return ElasticsearchSinkConfig.builder()
        .hosts(httpUrl)
        .bulkMaxActions(100)
        .flushIntervalMillis(200)
        .build();
  }

  /** The shared low-level client; do not close it. */
  public RestClient restClient() {
    return restClient;
  }

  /** The shared typed client; do not close it. */
  public ElasticsearchClient client() {
    ElasticsearchClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = EsClients.client(restClient);
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * A lowercase index-name prefix unique in this JVM and across runs, e.g. {@code t3-1f2e3d4c-};
   * use {@code prefix + "customers"} etc. and {@code prefix + "*"} to address all of a test's
   * indices.
   */
  public static String uniqueIndexPrefix() {
    return "t"
        + COUNTER.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT)
        + "-";
  }

  /**
   * Sends a request and returns the parsed JSON response (null for an empty body); throws for a
   * non-2xx status.
   */
  public JsonNode request(String method, String endpoint, String jsonBody) {
    Request request = new Request(method, endpoint);
    if (jsonBody != null) {
      request.setEntity(new NStringEntity(jsonBody, ContentType.APPLICATION_JSON));
    }
    try {
      Response response = performWhenShardsAvailable(request);
      if (response.getEntity() == null) {
        return null;
      }
      String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
      return body.isEmpty() ? null : MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + endpoint + " failed", e);
    }
  }

  /**
   * Performs the request, retried for up to 30 s while Elasticsearch answers 503: an index the job
   * has just created has no active shard for a moment, and a test polling it then is not failing,
   * only early.
   */
  private Response performWhenShardsAvailable(Request request) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return restClient.performRequest(request);
      } catch (ResponseException e) {
        if (e.getResponse().getStatusLine().getStatusCode() != 503
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for shards", e);
      }
    }
  }

  /** Creates an index with the given body (settings, mappings), e.g. an explicit mapping. */
  public void createIndex(String index, String jsonBody) {
    request("PUT", "/" + index, jsonBody == null ? "{}" : jsonBody);
  }

  /** Refreshes the indices (a name, a comma-separated list or a pattern such as {@code t1-*}). */
  public void refresh(String index) {
    request("POST", "/" + index + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
  }

  /** Refreshes, then counts the documents (0 if no index matches). */
  public long count(String index) {
    refresh(index);
    JsonNode r = request("GET", "/" + index + "/_count?ignore_unavailable=true", null);
    return r.path("count").asLong();
  }

  /** The source of the document, or null if the document or the index does not exist. */
  public JsonNode get(String index, String id) {
    try {
      JsonNode r = request("GET", "/" + index + "/_doc/" + urlEncode(id), null);
      return r.path("found").asBoolean() ? r.get("_source") : null;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof ResponseException
          && ((ResponseException) e.getCause()).getResponse().getStatusLine().getStatusCode()
              == 404) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Refreshes, then returns every document of the indices (at most 10,000) as id to source, in id
   * order. Ids are unique per index: when addressing several indices use {@link #search}.
   */
  public Map<String, JsonNode> documents(String index) {
    JsonNode hits = search(index, "{\"size\":10000,\"query\":{\"match_all\":{}}}");
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode hit : hits.path("hits").path("hits")) {
      out.put(hit.get("_id").asText(), hit.get("_source"));
    }
    return out;
  }

  /** Refreshes, then runs a search with the JSON body; returns the whole response. */
  public JsonNode search(String index, String jsonBody) {
    refresh(index);
    return request(
        "POST",
        "/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true",
        jsonBody == null ? "{}" : jsonBody);
  }

  /** Deletes the indices matching the pattern, e.g. {@code prefix + "*"}. */
  public void deleteIndices(String pattern) {
    request("DELETE", "/" + pattern + "?ignore_unavailable=true&allow_no_indices=true", null);
  }

  private static String urlEncode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ------------------------------------------------------------------------------------------
  // Starting and stopping

  private static ElasticsearchTestNode start() {
    long t0 = System.nanoTime();
    try {
      Path zip = distributionZip();
      Path home = unpack(zip);
      boolean root = isRoot();
      if (root) {
        ensureUser();
      }
      Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
      Path runDir = Files.createTempDirectory(tmp, "rapport-es-run-");
      Path config = runDir.resolve("config");
      copyTree(home.resolve("config"), config);
      Files.createDirectories(runDir.resolve("data"));
      Files.createDirectories(runDir.resolve("logs"));
      Files.createDirectories(runDir.resolve("tmp"));
      Files.writeString(config.resolve("elasticsearch.yml"), settings(runDir));
      if (root) {
        chownRecursively(runDir, ES_USER);
      }
      Path console = runDir.resolve("console.log");
      Process process = launch(home, runDir, console, root);
      ElasticsearchTestNode node = null;
      try {
        String httpUrl = awaitHttpPort(process, runDir, console);
        node = new ElasticsearchTestNode(process, runDir, httpUrl);
        node.awaitHealthy(console);
      } catch (RuntimeException | IOException e) {
        stopProcess(process);
        throw e;
      }
      ElasticsearchTestNode started = node;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::stop, "elasticsearch-test-node-shutdown"));
      LOG.info(
          "Elasticsearch test node on {} started in {} ms (run dir {})",
          node.httpUrl,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
          runDir);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Elasticsearch test node", e);
    }
  }

  private static String settings(Path runDir) {
    return String.join(
        "\n",
        "cluster.name: rapport-test-" + UUID.randomUUID().toString().substring(0, 8),
        "node.name: rapport-test",
        "discovery.type: single-node",
        "xpack.security.enabled: false",
        "network.host: 127.0.0.1",
        // ephemeral ports, written to logs/http.ports and logs/transport.ports once bound
        "http.port: 0",
        "transport.port: 0",
        "node.portsfile: true",
        "path.data: " + runDir.resolve("data"),
        "path.logs: " + runDir.resolve("logs"),
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "action.destructive_requires_name: false",
        "bootstrap.memory_lock: false",
        "");
  }

  private static Path distributionZip() {
    String configured = System.getProperty("rapport.es.zip");
    if (configured != null && Files.isRegularFile(Paths.get(configured))) {
      return Paths.get(configured);
    }
    // Run from an IDE: the build has copied the distribution into target/ (module or root dir).
    String version = System.getProperty("rapport.es.version", "8.19.8");
    for (String candidate :
        new String[] {
          "target/elasticsearch-dist/elasticsearch-" + version + ".zip",
          "jobs/target/elasticsearch-dist/elasticsearch-" + version + ".zip"
        }) {
      Path p = Paths.get(candidate).toAbsolutePath();
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "The Elasticsearch distribution was not found (system property rapport.es.zip="
            + configured
            + "). Run the tests through Maven (`./mvnw -pl jobs -am verify`), whose"
            + " generate-test-resources phase copies it into jobs/target/elasticsearch-dist/.");
  }

  /**
   * Unpacks the distribution once per machine into a world-readable directory under java.io.tmpdir
   * (so that the unprivileged user can read it even when the build directory is not traversable,
   * e.g. under /root). Concurrent builds unpack into private directories and rename atomically; the
   * loser discards its copy.
   */
  private static Path unpack(Path zip) throws IOException {
    // one copy per distribution (the file name carries the version), shared by all builds
    String key = Long.toString(Files.size(zip));
    String name = zip.getFileName().toString().replace(".zip", "");
    Path base = Paths.get(System.getProperty("java.io.tmpdir"));
    Path target = base.resolve("rapport-es-dist-" + name + "-" + key);
    Path marker = target.resolve(".complete");
    if (Files.exists(marker)) {
      return target.resolve(topDirectory(zip));
    }
    long t0 = System.nanoTime();
    Path staging = Files.createTempDirectory(base, "rapport-es-unpack-");
    try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
      Enumeration<ZipArchiveEntry> entries = zf.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        Path out = staging.resolve(entry.getName()).normalize();
        if (!out.startsWith(staging)) {
          throw new IOException("bad zip entry " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zf.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        boolean executable = (entry.getUnixMode() & 0100) != 0;
        Files.setPosixFilePermissions(
            out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    try (Stream<Path> paths = Files.walk(staging)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isDirectory(p)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
    Files.createFile(staging.resolve(".complete"));
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      LOG.info(
          "Unpacked {} into {} in {} ms",
          zip,
          target,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    } catch (FileSystemException e) {
      // Another build was faster (or a stale partial directory exists: use ours from staging).
      // Linux reports a rename onto a non-empty directory as a plain FileSystemException
      // ("Directory not empty"), not as one of its subclasses.
      if (!Files.exists(target)) {
        throw e;
      }
      if (!Files.exists(marker)) {
        LOG.warn("{} exists without .complete marker; using {}", target, staging);
        return staging.resolve(topDirectory(zip));
      }
      KafkaTestCluster.deleteRecursively(staging);
    }
    return target.resolve(topDirectory(zip));
  }

  private static String topDirectory(Path zip) throws IOException {
    try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
      String first = zf.getEntries().nextElement().getName();
      return first.substring(0, first.indexOf('/'));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name")) || uid() == 0;
  }

  private static long uid() {
    try {
      Object uid = Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
      return ((Number) uid).longValue();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Creates the unprivileged system user if missing (idempotent, tolerates concurrent builds). */
  private static void ensureUser() throws IOException {
    if (run("id", "-u", ES_USER) == 0) {
      return;
    }
    int rc =
        run(
            "useradd",
            "--system",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            ES_USER);
    if (rc != 0 && run("id", "-u", ES_USER) != 0) {
      throw new IOException(
          "Elasticsearch cannot run as root and the user '"
              + ES_USER
              + "' could not be created (useradd exit code "
              + rc
              + ")");
    }
    LOG.info("Created system user {} to run Elasticsearch", ES_USER);
  }

  private static int run(String... command) throws IOException {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void chownRecursively(Path dir, String user) throws IOException {
    UserPrincipal owner =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.setOwner(p, owner);
      }
    }
  }

  private static String javaHome() {
    String home = System.getProperty("rapport.es.javaHome");
    if (home == null || home.isBlank()) {
      home = System.getenv("RAPPORT_ES_JAVA_HOME");
    }
    if (home == null || home.isBlank()) {
      home = System.getProperty("java.home");
    }
    return home;
  }

  /**
   * Starts Elasticsearch under a small bash watchdog that stops it when this JVM disappears (even
   * on kill -9), so that no node outlives the build.
   */
  private static Process launch(Path home, Path runDir, Path console, boolean root)
      throws IOException {
    String es = home.resolve("bin/elasticsearch").toString();
    String watchdog =
        String.join(
            "\n",
            (root ? "runuser -u " + ES_USER + " -- " : "") + "bash \"$1\" &",
            "child=$!",
            "trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT HUP",
            "while kill -0 $child 2>/dev/null && [ -d /proc/$2 ]; do sleep 1; done",
            "kill -TERM $child 2>/dev/null",
            "wait $child",
            // the JVM is gone (killed): nobody else will delete the node's data
            "[ -d /proc/$2 ] || rm -rf -- \"$3\"");
    ProcessBuilder pb =
        new ProcessBuilder(
            "bash",
            "-c",
            watchdog,
            "es-watchdog",
            es,
            Long.toString(ProcessHandle.current().pid()),
            runDir.toString());
    pb.directory(runDir.toFile());
    Map<String, String> env = pb.environment();
    env.put("ES_PATH_CONF", runDir.resolve("config").toString());
    env.put("ES_JAVA_HOME", javaHome());
    env.put("ES_TMPDIR", runDir.resolve("tmp").toString());
    env.put(
        "ES_JAVA_OPTS",
        System.getProperty("rapport.es.javaOpts", "-Xms512m -Xmx512m -XX:ActiveProcessorCount=1"));
    env.remove("JAVA_HOME");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    pb.redirectErrorStream(true);
    pb.redirectOutput(console.toFile());
    LOG.info("Starting Elasticsearch from {} with Java {} (run dir {})", home, javaHome(), runDir);
    return pb.start();
  }

  private static String awaitHttpPort(Process process, Path runDir, Path console)
      throws IOException {
    Path portsFile = runDir.resolve("logs/http.ports");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Elasticsearch exited with code " + process.exitValue() + ":\n" + tail(console));
      }
      if (Files.exists(portsFile)) {
        List<String> lines = Files.readAllLines(portsFile);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return "http://" + lines.get(0).trim();
        }
      }
      KafkaTestCluster.sleep(200);
    }
    throw new IllegalStateException(
        "Elasticsearch did not bind its HTTP port in "
            + START_TIMEOUT_SECONDS
            + " s:\n"
            + tail(console));
  }

  private void awaitHealthy(Path console) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Elasticsearch exited with code " + process.exitValue() + ":\n" + tail(console));
      }
      try {
        JsonNode health =
            request("GET", "/_cluster/health?wait_for_status=yellow&timeout=5s", null);
        if (!health.path("timed_out").asBoolean(true)) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      KafkaTestCluster.sleep(200);
    }
    throw new IllegalStateException(
        "Elasticsearch did not become healthy: " + last + "\n" + tail(console));
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private void stop() {
    try {
      restClient.close();
    } catch (IOException ignored) {
      // best effort
    }
    stopProcess(process);
    KafkaTestCluster.deleteRecursively(runDir);
  }

  private static void stopProcess(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The ids of a search response's hits, in order. */
  public static List<String> ids(JsonNode searchResponse) {
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : searchResponse.path("hits").path("hits")) {
      ids.add(hit.get("_id").asText());
    }
    return ids;
  }
}
