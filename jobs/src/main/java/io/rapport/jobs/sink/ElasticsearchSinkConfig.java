package io.rapport.jobs.sink;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Connection and batching settings of {@link ElasticsearchSink} (and of the clients made by {@link
 * EsClients}). Immutable and serializable; build it with {@link #builder()}.
 *
 * <pre>{@code
 * ElasticsearchSinkConfig config =
 *     ElasticsearchSinkConfig.builder().hosts("http://127.0.0.1:9200").build();
 * }</pre>
 */
public final class ElasticsearchSinkConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_BULK_MAX_ACTIONS = 1000;
  public static final long DEFAULT_BULK_MAX_BYTES = 5L * 1024 * 1024;
  public static final long DEFAULT_FLUSH_INTERVAL_MILLIS = 1000;
  public static final int DEFAULT_MAX_RETRIES = 8;
  public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 100;
  public static final long DEFAULT_MAX_BACKOFF_MILLIS = 10_000;
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
  public static final int DEFAULT_SOCKET_TIMEOUT_MILLIS = 60_000;

  private final ArrayList<String> hosts;
  private final String username;
  private final String password;
  private final String apiKey;
  private final int bulkMaxActions;
  private final long bulkMaxBytes;
  private final long flushIntervalMillis;
  private final int maxRetries;
  private final long initialBackoffMillis;
  private final long maxBackoffMillis;
  private final int connectTimeoutMillis;
  private final int socketTimeoutMillis;

  private ElasticsearchSinkConfig(Builder b) {
    this.hosts = new ArrayList<>(b.hosts);
    this.username = b.username;
    this.password = b.password;
    this.apiKey = b.apiKey;
    this.bulkMaxActions = b.bulkMaxActions;
    this.bulkMaxBytes = b.bulkMaxBytes;
    this.flushIntervalMillis = b.flushIntervalMillis;
    this.maxRetries = b.maxRetries;
    this.initialBackoffMillis = b.initialBackoffMillis;
    this.maxBackoffMillis = b.maxBackoffMillis;
    this.connectTimeoutMillis = b.connectTimeoutMillis;
    this.socketTimeoutMillis = b.socketTimeoutMillis;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.hosts = new ArrayList<>(hosts);
    b.username = username;
    b.password = password;
    b.apiKey = apiKey;
    b.bulkMaxActions = bulkMaxActions;
    b.bulkMaxBytes = bulkMaxBytes;
    b.flushIntervalMillis = flushIntervalMillis;
    b.maxRetries = maxRetries;
    b.initialBackoffMillis = initialBackoffMillis;
    b.maxBackoffMillis = maxBackoffMillis;
    b.connectTimeoutMillis = connectTimeoutMillis;
    b.socketTimeoutMillis = socketTimeoutMillis;
    return b;
  }

  /** Base URLs of the nodes, e.g. {@code http://127.0.0.1:9200}. */
  public List<String> hosts() {
    return List.copyOf(hosts);
  }

  /** Basic-auth user name, or null. */
  public String username() {
    return username;
  }

  /** Basic-auth password, or null. */
  public String password() {
    return password;
  }

  /** Encoded API key (sent as {@code Authorization: ApiKey <key>}), or null. */
  public String apiKey() {
    return apiKey;
  }

  /** A bulk request is sent when this many distinct documents are buffered. */
  public int bulkMaxActions() {
    return bulkMaxActions;
  }

  /** A bulk request is sent when the buffered request body reaches about this many bytes. */
  public long bulkMaxBytes() {
    return bulkMaxBytes;
  }

  /** Buffered documents are sent at the latest this long after the previous flush; 0 disables. */
  public long flushIntervalMillis() {
    return flushIntervalMillis;
  }

  /** Retries of a bulk request (or of its retryable items) before the job fails. */
  public int maxRetries() {
    return maxRetries;
  }

  /** First retry delay; doubled at each retry up to {@link #maxBackoffMillis()}. */
  public long initialBackoffMillis() {
    return initialBackoffMillis;
  }

  public long maxBackoffMillis() {
    return maxBackoffMillis;
  }

  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public int socketTimeoutMillis() {
    return socketTimeoutMillis;
  }

  @Override
  public String toString() {
    return "ElasticsearchSinkConfig{hosts="
        + hosts
        + ", auth="
        + (apiKey != null ? "apiKey" : username != null ? "basic(" + username + ")" : "none")
        + ", bulkMaxActions="
        + bulkMaxActions
        + ", bulkMaxBytes="
        + bulkMaxBytes
        + ", flushIntervalMillis="
        + flushIntervalMillis
        + ", maxRetries="
        + maxRetries
        + ", backoff="
        + initialBackoffMillis
        + ".."
        + maxBackoffMillis
        + "ms}";
  }

  /** Builder of {@link ElasticsearchSinkConfig}; every setting but the hosts has a default. */
  public static final class Builder {
    private List<String> hosts = new ArrayList<>();
    private String username;
    private String password;
    private String apiKey;
    private int bulkMaxActions = DEFAULT_BULK_MAX_ACTIONS;
    private long bulkMaxBytes = DEFAULT_BULK_MAX_BYTES;
    private long flushIntervalMillis = DEFAULT_FLUSH_INTERVAL_MILLIS;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private long initialBackoffMillis = DEFAULT_INITIAL_BACKOFF_MILLIS;
    private long maxBackoffMillis = DEFAULT_MAX_BACKOFF_MILLIS;
    private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private int socketTimeoutMillis = DEFAULT_SOCKET_TIMEOUT_MILLIS;

    private Builder() {}

    /** The node URLs; a comma-separated string is split. */
    public Builder hosts(String... hosts) {
      List<String> list = new ArrayList<>();
      for (String h : hosts) {
        for (String part : h.split(",")) {
          if (!part.isBlank()) {
            list.add(part.trim());
          }
        }
      }
      return hosts(list);
    }

    public Builder hosts(List<String> hosts) {
      this.hosts = new ArrayList<>(hosts);
      return this;
    }

    public Builder basicAuth(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder bulkMaxActions(int bulkMaxActions) {
      this.bulkMaxActions = bulkMaxActions;
      return this;
    }

    public Builder bulkMaxBytes(long bulkMaxBytes) {
      this.bulkMaxBytes = bulkMaxBytes;
      return this;
    }

    public Builder flushIntervalMillis(long flushIntervalMillis) {
      this.flushIntervalMillis = flushIntervalMillis;
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder backoff(long initialBackoffMillis, long maxBackoffMillis) {
      this.initialBackoffMillis = initialBackoffMillis;
      this.maxBackoffMillis = maxBackoffMillis;
      return this;
    }

    public Builder connectTimeoutMillis(int connectTimeoutMillis) {
      this.connectTimeoutMillis = connectTimeoutMillis;
      return this;
    }

    public Builder socketTimeoutMillis(int socketTimeoutMillis) {
      this.socketTimeoutMillis = socketTimeoutMillis;
      return this;
    }

    public ElasticsearchSinkConfig build() {
      if (hosts.isEmpty()) {
        throw new IllegalArgumentException("at least one Elasticsearch host is required");
      }
      for (String h : hosts) {
        if (!h.startsWith("http://") && !h.startsWith("https://")) {
          throw new IllegalArgumentException(
              "Elasticsearch host must be a URL (http[s]://host:port): " + h);
        }
      }
      if (bulkMaxActions < 1 || bulkMaxBytes < 1) {
        throw new IllegalArgumentException("bulk limits must be positive");
      }
      if (flushIntervalMillis < 0 || maxRetries < 0 || initialBackoffMillis < 0) {
        throw new IllegalArgumentException("negative interval, retries or backoff");
      }
      if (maxBackoffMillis < initialBackoffMillis) {
        maxBackoffMillis = initialBackoffMillis;
      }
      if ((username == null) != (password == null)) {
        throw new IllegalArgumentException("username and password go together");
      }
      Objects.requireNonNull(hosts);
      return new ElasticsearchSinkConfig(this);
    }

    @Override
    public String toString() {
      return "Builder" + Arrays.asList(hosts);
    }
  }
}
