package io.rapport.jobs.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Creates Elasticsearch clients from an {@link ElasticsearchSinkConfig} or a list of URLs. */
public final class EsClients {

  private EsClients() {}

  /** A low-level client for the URLs (e.g. {@code http://127.0.0.1:9200}), no authentication. */
  public static RestClient restClient(String... hosts) {
    return restClient(ElasticsearchSinkConfig.builder().hosts(hosts).build());
  }

  /** A low-level client with the configuration's hosts, credentials and timeouts. */
  public static RestClient restClient(ElasticsearchSinkConfig config) {
    List<String> urls = config.hosts();
    HttpHost[] hosts = new HttpHost[urls.size()];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] = HttpHost.create(urls.get(i));
    }
    RestClientBuilder builder =
        RestClient.builder(hosts)
            .setRequestConfigCallback(
                rc ->
                    rc.setConnectTimeout(config.connectTimeoutMillis())
                        .setSocketTimeout(config.socketTimeoutMillis()));
    if (config.apiKey() != null) {
      builder.setDefaultHeaders(
          new Header[] {new BasicHeader("Authorization", "ApiKey " + config.apiKey())});
    } else if (config.username() != null) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          AuthScope.ANY, new UsernamePasswordCredentials(config.username(), config.password()));
      builder.setHttpClientConfigCallback(hc -> hc.setDefaultCredentialsProvider(credentials));
    }
    return builder.build();
  }

  /** A typed client over the low-level client (closing the typed client's transport closes it). */
  public static ElasticsearchClient client(RestClient restClient) {
    return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
  }

  /** A typed client with the configuration's hosts, credentials and timeouts. */
  public static ElasticsearchClient client(ElasticsearchSinkConfig config) {
    return client(restClient(config));
  }

  /** A typed client for the URLs, no authentication. */
  public static ElasticsearchClient client(String... hosts) {
    return client(restClient(hosts));
  }
}
