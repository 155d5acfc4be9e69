package io.rapport.jobs.demo;

import io.rapport.jobs.sink.BulkBuffer;
import io.rapport.model.EsDocument;
import io.rapport.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The local demo's sink: JSON lines in a folder, one file per sink and subtask, and counters that
 * the demo's summary reads. The counters are static because the demo's MiniCluster runs in the same
 * JVM; this sink is for local runs only. Elasticsearch documents are also kept as the latest
 * version per index and id, for the final snapshot files.
 */
public final class LocalFileSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
  static final Map<String, Map<String, String>> LATEST = new ConcurrentHashMap<>();

  private final String name;
  private final String directory;

  public LocalFileSink(String name, Path directory) {
    this.name = name;
    this.directory = directory.toString();
  }

  /** Records written by sinks of this name in this JVM. */
  public static long count(String name) {
    AtomicLong c = COUNTS.get(name);
    return c == null ? 0 : c.get();
  }

  /** Latest documents of an index: id to JSON. */
  public static Map<String, String> latest(String index) {
    return LATEST.getOrDefault(index, Map.of());
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    Path file =
        Path.of(directory)
            .resolve(name + "-" + context.getTaskInfo().getIndexOfThisSubtask() + ".jsonl");
    Files.createDirectories(file.getParent());
    return new Writer<>(
        name,
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final String name;
    private final BufferedWriter out;
    private final AtomicLong count;

    Writer(String name, BufferedWriter out) {
      this.name = name;
      this.out = out;
      this.count = COUNTS.computeIfAbsent(name, k -> new AtomicLong());
    }

    @Override
    public void write(T element, Context context) throws IOException {
      if (element instanceof EsDocument) {
        EsDocument d = (EsDocument) element;
        Map<String, String> index = LATEST.computeIfAbsent(d.index, k -> new ConcurrentHashMap<>());
        if (d.isDelete()) {
          index.remove(d.id);
        } else if (!d.isUpdate()) {
          index.put(d.id, d.json);
        } else {
          // a partial update as Elasticsearch applies it: merged into the document, or its upsert
          // created when there is none (or nothing)
          String existing = index.get(d.id);
          String now = existing != null ? BulkBuffer.merge(existing, d.json) : d.upsert;
          if (now != null) {
            index.put(d.id, now);
          }
        }
        out.write(
            "{\"index\":"
                + Json.toString(d.index)
                + ",\"id\":"
                + Json.toString(d.id)
                + ",\"doc\":"
                + (d.json == null ? "null" : d.upsert != null ? d.upsert : d.json)
                + "}");
      } else {
        out.write(Json.toString(element));
      }
      out.newLine();
      count.incrementAndGet();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
