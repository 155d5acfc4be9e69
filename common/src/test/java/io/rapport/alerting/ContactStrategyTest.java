package io.rapport.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.serde.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactStrategyTest {

  private static String defaultJson() throws Exception {
    try (InputStream in = ContactStrategy.class.getResourceAsStream("/contact-strategy.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The default file with one change, parsed. */
  private static ContactStrategy edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) Json.mapper().readTree(defaultJson());
    edit.accept(root);
    return ContactStrategy.parse(Json.toString(root), "edited.json");
  }

  private static ObjectNode type(ObjectNode root, String type) {
    return (ObjectNode) root.get("types").get(type);
  }

  private static ObjectNode rule(ObjectNode root, String type, String segment) {
    return (ObjectNode) type(root, type).get("segments").get(segment);
  }

  @Test
  void defaultStrategyCoversEveryTypeWithSpanishAndEnglishTemplates() {
    ContactStrategy s = ContactStrategy.defaults();
    assertThat(s.types.keySet()).containsExactlyInAnyOrderElementsOf(AlertTypes.ALL);
    for (String type : AlertTypes.ALL) {
      ContactStrategy.Rule r = s.rule(type, "default");
      assertThat(r.templates.keySet()).containsExactlyInAnyOrder("es", "en");
      assertThat(r.templates.get("es")).endsWith(".es");
      assertThat(r.templates.get("en")).endsWith(".en");
      assertThat(r.channels).isNotEmpty();
      assertThat(r.deadline).isPositive();
    }
    assertThat(s.maxContacts).isEqualTo(3);
    assertThat(s.period).isEqualTo(Duration.ofDays(7));
    assertThat(s.quietFrom).isEqualTo(LocalTime.of(21, 0));
    assertThat(s.quietTo).isEqualTo(LocalTime.of(9, 0));
    assertThat(s.retention()).isEqualTo(Duration.ofDays(30)); // the recommendation cool-down
  }

  @Test
  void segmentFallsBackToDefault() {
    ContactStrategy s = ContactStrategy.defaults();
    assertThat(s.rule(AlertTypes.RECOMMENDATION, "prospect").channels)
        .containsExactly("same_channel");
    assertThat(s.rule(AlertTypes.RECOMMENDATION, "customer").channels)
        .containsExactly("email", "sms", "social_dm");
    assertThat(s.rule(AlertTypes.RECOMMENDATION, null).action).isEqualTo("thank");
    // a prospect switching to the brand is welcomed sooner than one who means to buy
    ContactStrategy.Rule switcher = s.rule(AlertTypes.PURCHASE_INTENT, MentionAlerts.SWITCHER);
    assertThat(switcher.action).isEqualTo("welcome_switcher");
    assertThat(switcher.deadline)
        .isLessThan(s.rule(AlertTypes.PURCHASE_INTENT, "prospect").deadline);
    assertThat(switcher.templates)
        .containsEntry("es", "purchase.switch.welcome.es")
        .containsEntry("en", "purchase.switch.welcome.en");
    assertThatThrownBy(() -> s.rule("NO_SUCH_TYPE", "default"))
        .hasMessageContaining("NO_SUCH_TYPE");
  }

  @Test
  void loadsAFileByPath(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("strategy.json");
    ObjectNode root = (ObjectNode) Json.mapper().readTree(defaultJson());
    ((ObjectNode) root.get("pressure")).put("maxContacts", 1);
    Files.writeString(f, Json.toString(root));
    assertThat(ContactStrategy.load(f.toString()).maxContacts).isEqualTo(1);
    assertThat(ContactStrategy.load("").maxContacts).isEqualTo(3);
    assertThatThrownBy(() -> ContactStrategy.load(dir.resolve("missing.json").toString()))
        .hasMessageContaining("missing.json");
  }

  @Test
  void invalidFilesAreRefusedWithThePathOfTheField() {
    assertThatThrownBy(() -> ContactStrategy.parse("{", "broken.json"))
        .hasMessageContaining("broken.json")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () -> edited(r -> rule(r, "SOCIAL_QUESTION", "default").put("deadline", "2 hours")))
        .hasMessageContaining("edited.json")
        .hasMessageContaining("types.SOCIAL_QUESTION.segments.default.deadline")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(
            () ->
                edited(
                    r ->
                        ((ArrayNode) rule(r, "RECOMMENDATION", "default").get("channels"))
                            .add("pigeon")))
        .hasMessageContaining("types.RECOMMENDATION.segments.default.channels[3]")
        .hasMessageContaining("pigeon");
    assertThatThrownBy(() -> edited(r -> ((ObjectNode) r.get("types")).remove("BRAND_CRISIS")))
        .hasMessageContaining("types.BRAND_CRISIS")
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () ->
                edited(
                    r ->
                        ((ObjectNode) r.get("types"))
                            .set("TYPO", Json.mapper().createObjectNode())))
        .hasMessageContaining("types.TYPO")
        .hasMessageContaining("unknown field");
    assertThatThrownBy(
            () ->
                edited(
                    r ->
                        ((ObjectNode) rule(r, "CHURN_RISK", "high_value").get("templates"))
                            .remove("es")))
        .hasMessageContaining("types.CHURN_RISK.segments.high_value.templates.es");
    assertThatThrownBy(
            () ->
                edited(
                    r ->
                        ((ObjectNode) type(r, "PURCHASE_INTENT").get("segments"))
                            .remove("default")))
        .hasMessageContaining("types.PURCHASE_INTENT.segments")
        .hasMessageContaining("'default'");
    assertThatThrownBy(
            () ->
                edited(
                    r -> ((ObjectNode) r.get("pressure")).put("defaultTimeZone", "Mars/Olympus")))
        .hasMessageContaining("pressure.defaultTimeZone");
    assertThatThrownBy(() -> edited(r -> ((ObjectNode) r.get("pressure")).put("maxContacts", 0)))
        .hasMessageContaining("pressure.maxContacts");
    assertThatThrownBy(
            () ->
                edited(
                    r -> ((ObjectNode) r.get("pressure").get("quietHours")).put("from", "25:00")))
        .hasMessageContaining("pressure.quietHours.from");
    assertThatThrownBy(() -> edited(r -> type(r, "RECOMMENDATION").put("limited", "yes")))
        .hasMessageContaining("types.RECOMMENDATION.limited");
  }

  @Test
  void readmeDocumentsEveryFieldOfTheFile() throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme);
    JsonNode root = Json.mapper().readTree(defaultJson());
    for (String field :
        new String[] {
          "maxContacts",
          "period",
          "defaultTimeZone",
          "quietHours",
          "cooldown",
          "limited",
          "segments",
          "action",
          "channels",
          "deadline",
          "ownerTeam",
          "templates",
          "same_channel",
          "social_dm",
          "internal"
        }) {
      assertThat(text).as("README documents %s", field).contains("`" + field + "`");
    }
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
  }
}
