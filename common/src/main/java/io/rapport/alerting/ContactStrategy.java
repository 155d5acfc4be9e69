package io.rapport.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact strategy: for every alert type and customer segment, the action, the channels in
 * order of preference, the deadline, the owner team and the message template keys (Spanish and
 * English); and the pressure-control settings. Read from one JSON file (the default is {@code
 * contact-strategy.json} on the classpath; the README documents every field). An invalid file is
 * refused with the path of the offending field, so that a job never starts with a broken strategy.
 */
public final class ContactStrategy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The default strategy on the classpath. */
  public static final String DEFAULT_RESOURCE = "/contact-strategy.json";

  /** Segment used when an alert's segment has no entry of its own. */
  public static final String DEFAULT_SEGMENT = "default";

  /** Reply on the platform of the mention (a public reply to a post addressed to the brand). */
  public static final String SAME_CHANNEL = "same_channel";

  public static final String SOCIAL_DM = "social_dm";
  public static final String EMAIL = "email";
  public static final String SMS = "sms";
  public static final String PHONE = "phone";

  /** To the owner team only; nobody outside is contacted. */
  public static final String INTERNAL = "internal";

  public static final Set<String> CHANNELS =
      Set.of(SAME_CHANNEL, SOCIAL_DM, EMAIL, SMS, PHONE, INTERNAL);

  public static final List<String> LANGUAGES = List.of("es", "en");

  /** What to do for one alert type and segment. */
  public static final class Rule implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String action;
    public final List<String> channels;
    public final Duration deadline;
    public final String ownerTeam;

    /** Template key per language ({@code es}, {@code en}). */
    public final Map<String, String> templates;

    Rule(
        String action,
        List<String> channels,
        Duration deadline,
        String ownerTeam,
        Map<String, String> templates) {
      this.action = action;
      this.channels = List.copyOf(channels);
      this.deadline = deadline;
      this.ownerTeam = ownerTeam;
      this.templates = Map.copyOf(templates);
    }
  }

  /** The entry of one alert type. */
  public static final class TypeEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Minimum time between two alerts of this type about the same customer. */
    public final Duration cooldown;

    /** Whether the per-customer contact limit can suppress this type (contacts count anyway). */
    public final boolean limited;

    public final Map<String, Rule> segments;

    TypeEntry(Duration cooldown, boolean limited, Map<String, Rule> segments) {
      this.cooldown = cooldown;
      this.limited = limited;
      this.segments = Map.copyOf(segments);
    }
  }

  public final int maxContacts;
  public final Duration period;
  public final LocalTime quietFrom;
  public final LocalTime quietTo;
  public final List<String> quietChannels;
  public final String defaultTimeZone;
  public final Map<String, TypeEntry> types;

  private ContactStrategy(
      int maxContacts,
      Duration period,
      LocalTime quietFrom,
      LocalTime quietTo,
      List<String> quietChannels,
      String defaultTimeZone,
      Map<String, TypeEntry> types) {
    this.maxContacts = maxContacts;
    this.period = period;
    this.quietFrom = quietFrom;
    this.quietTo = quietTo;
    this.quietChannels = List.copyOf(quietChannels);
    this.defaultTimeZone = defaultTimeZone;
    this.types = Map.copyOf(types);
  }

  /** The default strategy ({@value #DEFAULT_RESOURCE}). */
  public static ContactStrategy defaults() {
    try (InputStream in = ContactStrategy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** The strategy in {@code path}, or the default one when {@code path} is null or blank. */
  public static ContactStrategy load(String path) {
    if (path == null || path.isBlank()) {
      return defaults();
    }
    try {
      return parse(Files.readString(Path.of(path), StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the contact strategy " + path + ": " + e, e);
    }
  }

  /**
   * Parses and validates a strategy.
   *
   * @param source where it came from, for error messages
   * @throws IllegalArgumentException naming the source and the offending field
   */
  public static ContactStrategy parse(String json, String source) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "contact strategy " + source + ": not valid JSON: " + e.getMessage(), e);
    }
    Reader r = new Reader(source);
    r.object(root, "", Set.of("schemaVersion", "pressure", "types", "description"));
    if (r.integer(root, "schemaVersion") != 1) {
      throw r.error("schemaVersion", "must be 1");
    }
    JsonNode pressure = r.required(root, "pressure");
    r.object(
        pressure, "pressure", Set.of("maxContacts", "period", "quietHours", "defaultTimeZone"));
    int maxContacts = r.integer(pressure, "maxContacts");
    if (maxContacts < 1) {
      throw r.error("pressure.maxContacts", "must be at least 1");
    }
    Duration period = r.duration(pressure, "period", "pressure.period");
    if (period.isZero() || period.isNegative()) {
      throw r.error("pressure.period", "must be positive");
    }
    String tz = r.text(pressure, "defaultTimeZone", "pressure.defaultTimeZone");
    try {
      ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw r.error("pressure.defaultTimeZone", "'" + tz + "' is not a time zone id");
    }
    JsonNode quiet = r.required(pressure, "quietHours");
    r.object(quiet, "pressure.quietHours", Set.of("from", "to", "channels"));
    LocalTime from = r.time(quiet, "from", "pressure.quietHours.from");
    LocalTime to = r.time(quiet, "to", "pressure.quietHours.to");
    List<String> quietChannels =
        r.channels(quiet, "channels", "pressure.quietHours.channels", true);

    JsonNode typesNode = r.required(root, "types");
    r.object(typesNode, "types", Set.copyOf(AlertTypes.ALL));
    Map<String, TypeEntry> types = new LinkedHashMap<>();
    for (String type : AlertTypes.ALL) {
      String p = "types." + type;
      JsonNode t = typesNode.get(type);
      if (t == null) {
        throw r.error(p, "missing: every alert type needs an entry");
      }
      r.object(t, p, Set.of("cooldown", "limited", "segments", "description"));
      Duration cooldown = r.duration(t, "cooldown", p + ".cooldown");
      if (cooldown.isNegative()) {
        throw r.error(p + ".cooldown", "must not be negative");
      }
      JsonNode limitedNode = r.required(t, "limited", p);
      if (!limitedNode.isBoolean()) {
        throw r.error(p + ".limited", "must be true or false");
      }
      JsonNode segs = r.required(t, "segments", p);
      r.object(segs, p + ".segments", null);
      if (!segs.has(DEFAULT_SEGMENT)) {
        throw r.error(p + ".segments", "needs a '" + DEFAULT_SEGMENT + "' segment");
      }
      Map<String, Rule> rules = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = segs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> seg = it.next();
        rules.put(seg.getKey(), r.rule(seg.getValue(), p + ".segments." + seg.getKey()));
      }
      types.put(type, new TypeEntry(cooldown, limitedNode.booleanValue(), rules));
    }
    return new ContactStrategy(maxContacts, period, from, to, quietChannels, tz, types);
  }

  /** The entry of a type; an unknown type is an error (the catalogue is closed). */
  public TypeEntry type(String type) {
    TypeEntry e = types.get(type);
    if (e == null) {
      throw new IllegalArgumentException("no contact strategy for alert type " + type);
    }
    return e;
  }

  /** The rule for a type and segment, falling back to the type's default segment. */
  public Rule rule(String type, String segment) {
    TypeEntry e = type(type);
    Rule r = segment == null ? null : e.segments.get(segment);
    return r != null ? r : e.segments.get(DEFAULT_SEGMENT);
  }

  /** How long contacts must be remembered: the period or the longest cool-down. */
  public Duration retention() {
    Duration d = period;
    for (TypeEntry e : types.values()) {
      if (e.cooldown.compareTo(d) > 0) {
        d = e.cooldown;
      }
    }
    return d;
  }

  /** Field-by-field reading with errors that name the source and the field. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    IllegalArgumentException error(String path, String message) {
      return new IllegalArgumentException(
          "contact strategy " + source + ": " + path + ": " + message);
    }

    void object(JsonNode n, String path, Set<String> allowed) {
      if (n == null || !n.isObject()) {
        throw error(path.isEmpty() ? "(root)" : path, "must be a JSON object");
      }
      if (allowed != null) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!allowed.contains(f)) {
            throw error(
                path.isEmpty() ? f : path + "." + f,
                "unknown field (expected one of " + new java.util.TreeSet<>(allowed) + ")");
          }
        }
      }
    }

    JsonNode required(JsonNode n, String field) {
      return required(n, field, "");
    }

    JsonNode required(JsonNode n, String field, String parent) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        throw error(parent.isEmpty() ? field : parent + "." + field, "missing");
      }
      return v;
    }

    int integer(JsonNode n, String field) {
      JsonNode v = required(n, field);
      if (!v.isInt()) {
        throw error(field, "must be an integer");
      }
      return v.intValue();
    }

    String text(JsonNode n, String field, String path) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw error(path, "must be a non-blank string");
      }
      return v.asText();
    }

    Duration duration(JsonNode n, String field, String path) {
      String s = text(n, field, path);
      try {
        return Duration.parse(s);
      } catch (DateTimeException e) {
        throw error(path, "'" + s + "' is not an ISO-8601 duration (e.g. PT1H, P7D)");
      }
    }

    LocalTime time(JsonNode n, String field, String path) {
      String s = text(n, field, path);
      try {
        return LocalTime.parse(s);
      } catch (DateTimeException e) {
        throw error(path, "'" + s + "' is not a time of day HH:MM");
      }
    }

    List<String> channels(JsonNode n, String field, String path, boolean mayBeEmpty) {
      JsonNode v = n.get(field);
      if (v == null || !v.isArray() || (!mayBeEmpty && v.isEmpty())) {
        throw error(path, mayBeEmpty ? "must be an array" : "must be a non-empty array");
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        String c = v.get(i).asText();
        if (!v.get(i).isTextual() || !CHANNELS.contains(c)) {
          throw error(
              path + "[" + i + "]",
              "'"
                  + v.get(i)
                  + "' is not a channel (one of "
                  + new java.util.TreeSet<>(CHANNELS)
                  + ")");
        }
        out.add(c);
      }
      return out;
    }

    Rule rule(JsonNode n, String path) {
      object(n, path, Set.of("action", "channels", "deadline", "ownerTeam", "templates"));
      String action = text(n, "action", path + ".action");
      List<String> channels = channels(n, "channels", path + ".channels", false);
      Duration deadline = duration(n, "deadline", path + ".deadline");
      if (deadline.isZero() || deadline.isNegative()) {
        throw error(path + ".deadline", "must be positive");
      }
      String team = text(n, "ownerTeam", path + ".ownerTeam");
      JsonNode t = n.get("templates");
      object(t, path + ".templates", Set.copyOf(LANGUAGES));
      Map<String, String> templates = new LinkedHashMap<>();
      for (String lang : LANGUAGES) {
        templates.put(lang, text(t, lang, path + ".templates." + lang));
      }
      return new Rule(action, channels, deadline, team, templates);
    }
  }
}
