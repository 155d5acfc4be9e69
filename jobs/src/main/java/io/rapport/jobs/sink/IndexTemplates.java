package io.rapport.jobs.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Installs composable index templates: every {@code <name>.json} file of a directory (e.g. {@code
 * dashboards/elasticsearch/index-templates/}) is PUT as {@code _index_template/<name>}. Idempotent:
 * an existing template of that name is replaced.
 */
public final class IndexTemplates {

  private IndexTemplates() {}

  /**
   * PUTs every {@code *.json} file directly in {@code dir}, in file-name order.
   *
   * @return the template names, in the order they were installed
   * @throws IOException if the directory cannot be read or Elasticsearch refuses a template (the
   *     message names the file)
   */
  public static List<String> putAll(RestClient client, Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .collect(Collectors.toList());
    }
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String name = fileName.substring(0, fileName.length() - ".json".length());
      try {
        put(client, name, Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IOException("cannot install index template " + file + ": " + e.getMessage(), e);
      }
      names.add(name);
    }
    return names;
  }

  /** PUTs one composable index template. */
  public static void put(RestClient client, String name, String json) throws IOException {
    Request request = new Request("PUT", "/_index_template/" + name);
    request.setEntity(new NStringEntity(json, ContentType.APPLICATION_JSON));
    client.performRequest(request);
  }
}
