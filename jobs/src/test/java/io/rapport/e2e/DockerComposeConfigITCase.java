package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compose file of {@code docker/} as Docker Compose itself reads it ({@code docker-compose
 * config}, no engine needed): it must be valid and wire the services the README promises. When
 * {@code docker-compose} is missing and the test runs as root on Debian (CI), it installs it with
 * apt-get; otherwise it fails saying what to install.
 */
class DockerComposeConfigITCase {

  private static Path home() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docker/docker-compose.yml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("docker/docker-compose.yml not found above the build dir");
    }
    return dir;
  }

  private record Result(int exit, String out) {}

  private static Result run(Path dir, List<String> command) throws Exception {
    Path log = Files.createTempFile("compose", ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish in 10 minutes");
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean onPath(String tool) throws Exception {
    return run(Path.of("/"), List.of("sh", "-c", "command -v " + tool)).exit() == 0;
  }

  private static String compose() throws Exception {
    if (onPath("docker-compose")) {
      return "docker-compose";
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root && onPath("apt-get")) {
      Result r =
          run(
              Path.of("/"),
              List.of(
                  "sh",
                  "-c",
                  "DEBIAN_FRONTEND=noninteractive apt-get update -qq && "
                      + "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose"));
      assertThat(r.exit()).as("apt-get install docker-compose:\n%s", r.out()).isZero();
      return "docker-compose";
    }
    throw new AssertionError(
        "docker-compose is needed to validate docker/docker-compose.yml and is not installed"
            + " (Debian/Ubuntu: sudo apt-get install docker-compose)");
  }

  @Test
  void theComposeFileIsValidAndWiresTheStack() throws Exception {
    Path docker = home().resolve("docker");
    String compose = compose();
    Result check = run(docker, List.of(compose, "-f", "docker-compose.yml", "config", "-q"));
    assertThat(check.exit()).as("%s config -q:\n%s", compose, check.out()).isZero();

    // The resolved file, as Compose prints it (services in name order, two-space indent).
    Result resolved = run(docker, List.of(compose, "-f", "docker-compose.yml", "config"));
    assertThat(resolved.exit()).as(resolved.out()).isZero();
    List<String> services = new ArrayList<>();
    boolean inServices = false;
    for (String line : resolved.out().split("\n")) {
      if (line.equals("services:")) {
        inServices = true;
      } else if (inServices && line.matches("^\\S.*")) {
        inServices = false;
      } else if (inServices && line.matches("^  [a-z][a-z0-9-]*:$")) {
        services.add(line.trim().replace(":", ""));
      }
    }
    assertThat(services)
        .contains("kafka", "elasticsearch", "kibana", "jobmanager", "taskmanager", "setup");
    // records with old event-time timestamps must not be deleted minutes after being written
    assertThat(resolved.out()).containsPattern("KAFKA_LOG_RETENTION_MS: '?-1'?\n");
    // Kibana talks to the compose Elasticsearch, not to a host address
    assertThat(resolved.out()).containsPattern("ELASTICSEARCH_HOSTS: .*http://elasticsearch:9200");
  }
}
