package io.rapport.jobs.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** {@link BulkTransport} over the low-level Elasticsearch REST client. */
final class RestClientBulkTransport implements BulkTransport {

  private static final ContentType NDJSON =
      ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
  private static final ContentType JSON = ContentType.APPLICATION_JSON;

  private final RestClient client;

  RestClientBulkTransport(RestClient client) {
    this.client = client;
  }

  @Override
  public String bulk(byte[] ndjson) throws IOException {
    Request request = new Request("POST", "/_bulk");
    request.setEntity(new ByteArrayEntity(ndjson, NDJSON));
    return send(request);
  }

  @Override
  public String search(String index, String body) throws IOException {
    Request request = new Request("POST", "/" + index + "/_search");
    request.addParameter("ignore_unavailable", "true");
    request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
    return send(request);
  }

  @Override
  public void refresh(String index) throws IOException {
    Request request = new Request("POST", "/" + index + "/_refresh");
    request.addParameter("ignore_unavailable", "true");
    send(request);
  }

  private String send(Request request) throws IOException {
    Response response;
    try {
      response = client.performRequest(request);
    } catch (ResponseException e) {
      Response r = e.getResponse();
      String body = r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity());
      if (body.length() > 500) {
        body = body.substring(0, 500) + "...";
      }
      throw new BulkHttpException(r.getStatusLine().getStatusCode(), body);
    }
    return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
