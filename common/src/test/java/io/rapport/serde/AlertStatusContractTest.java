package io.rapport.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.rapport.model.AlertStatus;
import io.rapport.model.Envelope;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlertStatusContractTest {
  private static final String VALID =
      "{\"schemaVersion\":1,\"alertId\":\"a1\",\"status\":\"acknowledged\",\"by\":\"agent-7\","
          + "\"at\":\"2026-03-01T10:00:00Z\",\"note\":\"on it\"}";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in =
        AlertStatusContractTest.class.getResourceAsStream("/schemas/alert-status.v1.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static boolean schemaAccepts(String json) throws Exception {
    JsonNode node = Json.mapper().readTree(json);
    return schema().validate(node).isEmpty();
  }

  @Test
  void validStatusIsReadIntoAnEnvelopeWithItsEventTime() throws Exception {
    Envelope e = Contract.ALERT_STATUS.read(new RecordParser(), bytes(VALID), "t", 0, 5, 1);
    assertThat(e.kind).isEqualTo(Envelope.ALERT_STATUS);
    assertThat(e.alertStatus.alertId).isEqualTo("a1");
    assertThat(e.alertStatus.status).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(e.eventTime).isEqualTo(e.alertStatus.at.toEpochMilli());
    assertThat(schemaAccepts(VALID)).isTrue();

    String timed = VALID.replace("}", ",\"responseSeconds\":1200}");
    assertThat(
            Contract.ALERT_STATUS.read(new RecordParser(), bytes(timed), "t", 0, 5, 1)
                .alertStatus
                .responseSeconds)
        .isEqualTo(1200L);
    assertThat(schemaAccepts(timed)).isTrue();
  }

  @Test
  void invalidStatusesAreRefusedWithTheirErrorBothByParserAndSchema() throws Exception {
    String[][] cases = {
      {VALID.replace("acknowledged", "closed"), "INVALID_VALUE"},
      {VALID.replace("\"by\":\"agent-7\",", ""), "MISSING_FIELD"},
      {VALID.replace("\"at\":\"2026-03-01T10:00:00Z\",", ""), "MISSING_FIELD"},
      {VALID.replace("\"alertId\":\"a1\"", "\"alertId\":7"), "WRONG_TYPE"},
      {VALID.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), "UNSUPPORTED_SCHEMA_VERSION"},
      {VALID.replace("}", ",\"responseSeconds\":-5}"), "INVALID_VALUE"},
    };
    for (String[] c : cases) {
      Envelope e = Contract.ALERT_STATUS.read(new RecordParser(), bytes(c[0]), "t", 0, 5, 1);
      assertThat(e.isValid()).as(c[0]).isFalse();
      assertThat(e.errorCode).as(c[0]).isEqualTo(c[1]);
      assertThat(e.raw).isEqualTo(bytes(c[0]));
      assertThat(schemaAccepts(c[0])).as(c[0]).isFalse();
    }
  }
}
