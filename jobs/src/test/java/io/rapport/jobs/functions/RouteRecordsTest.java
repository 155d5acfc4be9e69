package io.rapport.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.CustomerActivity;
import io.rapport.model.DeadLetter;
import io.rapport.model.Envelope;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.serde.Contract;
import io.rapport.serde.Json;
import io.rapport.serde.RecordParser;
import io.rapport.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

class RouteRecordsTest {
  private final RecordParser parser = new RecordParser();

  private Envelope read(Contract contract, Object record) {
    return contract.read(parser, Json.toBytes(record), "topic", 0, 1, 5);
  }

  private static <T> List<T> side(OneInputStreamOperatorTestHarness<?, ?> h, OutputTag<T> tag) {
    var q = h.getSideOutput(tag);
    return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void routesByContractAndDeadLettersWhatCannotBeProcessed() throws Exception {
    OneInputStreamOperatorTestHarness<Envelope, SocialMention> h =
        ProcessFunctionTestHarnesses.forProcessFunction(
            new RouteRecords(CurrencyRates.defaults(), IdentifierNormalizer.defaults("ES")));
    SocialMention ok = Samples.mention("m1", "x", "ana", "hola", Samples.T0);
    SocialMention junkAuthor = Samples.mention("m2", "x", "null", "hola", Samples.T0);
    Transaction purchase = Samples.purchase("t1", "C1", 5, Samples.T0);
    Transaction yen = Samples.purchase("t2", "C1", 5, Samples.T0);
    yen.currency = "JPY";
    Transaction junkRef = Samples.purchase("t3", null, 5, Samples.T0);
    junkRef.customer.customerId = null;
    junkRef.customer.email = "test@test.com";

    h.processElement(read(Contract.MENTION, ok), 1);
    h.processElement(read(Contract.MENTION, junkAuthor), 1);
    h.processElement(read(Contract.CUSTOMER, Samples.customer("C1", "a@b.c", "x", "ana")), 1);
    h.processElement(read(Contract.TRANSACTION, purchase), 1);
    h.processElement(read(Contract.TRANSACTION, yen), 1);
    h.processElement(read(Contract.TRANSACTION, junkRef), 1);
    h.processElement(
        Contract.MENTION.read(parser, "{".getBytes(StandardCharsets.UTF_8), "topic", 0, 7, 5), 1);

    assertThat(h.extractOutputValues()).extracting(m -> m.mentionId).containsExactly("m1");
    assertThat(side(h, RouteRecords.CUSTOMERS)).extracting(c -> c.customerId).containsExactly("C1");
    assertThat(side(h, RouteRecords.TRANSACTIONS))
        .extracting(t -> t.transactionId)
        .containsExactly("t1");
    List<DeadLetter> dead = side(h, RouteRecords.DEAD_LETTERS);
    assertThat(dead)
        .extracting(d -> d.errorCode)
        .containsExactly("INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE", "MALFORMED_JSON");
    assertThat(dead.get(0).reason).contains("author handle");
    assertThat(dead.get(1).reason).contains("JPY");
    assertThat(dead.get(2).reason).contains("customer reference");
    assertThat(java.util.Base64.getDecoder().decode(dead.get(1).payloadBase64))
        .isEqualTo(Json.toBytes(yen));
    assertThat(dead.get(3).offset).isEqualTo(7);
    h.close();
  }

  @Test
  void routesActivitiesAndDeadLettersInvalidOnesWithTheirBytes() throws Exception {
    OneInputStreamOperatorTestHarness<Envelope, SocialMention> h =
        ProcessFunctionTestHarnesses.forProcessFunction(
            new RouteRecords(CurrencyRates.defaults(), IdentifierNormalizer.defaults("ES")));
    CustomerActivity review = Samples.activity("a1", CustomerActivity.REVIEW, "C1", Samples.T0);
    CustomerActivity junkRef = Samples.activity("a2", CustomerActivity.SURVEY, null, Samples.T0);
    junkRef.customer.email = "test@test.com";
    CustomerActivity badType = Samples.activity("a3", CustomerActivity.SURVEY, "C1", Samples.T0);
    badType.type = "complaint";

    h.processElement(read(Contract.ACTIVITY, review), 1);
    h.processElement(read(Contract.ACTIVITY, junkRef), 1);
    h.processElement(read(Contract.ACTIVITY, badType), 1);

    assertThat(h.extractOutputValues()).isEmpty();
    assertThat(side(h, RouteRecords.ACTIVITIES)).containsExactly(review);
    List<DeadLetter> dead = side(h, RouteRecords.DEAD_LETTERS);
    assertThat(dead).extracting(d -> d.errorCode).containsExactly("INVALID_VALUE", "INVALID_VALUE");
    assertThat(dead.get(0).reason).contains("customer reference");
    assertThat(dead.get(1).reason).contains("type must be one of");
    assertThat(java.util.Base64.getDecoder().decode(dead.get(0).payloadBase64))
        .isEqualTo(Json.toBytes(junkRef));
    assertThat(java.util.Base64.getDecoder().decode(dead.get(1).payloadBase64))
        .isEqualTo(Json.toBytes(badType));
    h.close();
  }
}
