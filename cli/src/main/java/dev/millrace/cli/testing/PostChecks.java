package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks of a case's {@code post} section: sources that must exist with a type, schema and
 * formats, and topics that must not have been created.
 */
final class PostChecks {
  private PostChecks() {}

  static Optional<String> difference(JsonNode post, CaseSession session) {
    if (post == null || post.isNull()) {
      return Optional.empty();
    }
    for (JsonNode expected : post.path("sources")) {
      Optional<String> difference = sourceDifference(expected, session);
      if (difference.isPresent()) {
        return difference;
      }
    }
    String blacklist = CaseRunner.text(post.path("topics").get("blacklist"));
    if (blacklist != null && CaseRunner.anyTopicMatches(session, blacklist)) {
      return Optional.of(
          "post: a topic matching " + blacklist + " was created: " + session.topics());
    }
    return Optional.empty();
  }

  private static Optional<String> sourceDifference(JsonNode expected, CaseSession session) {
    String name = expected.path("name").asText();
    Optional<CaseSession.SourceSummary> found = session.source(name);
    if (found.isEmpty()) {
      return Optional.of("post: source " + name + " does not exist");
    }
    CaseSession.SourceSummary actual = found.get();
    String type = CaseRunner.text(expected.get("type"));
    if (type != null && !type.equalsIgnoreCase(actual.type())) {
      return Optional.of("post: " + name + " is a " + actual.type() + ", expected a " + type);
    }
    String schema = CaseRunner.text(expected.get("schema"));
    if (schema != null && !normalSchema(schema).equals(normalSchema(actual.schema()))) {
      return Optional.of(
          "post: " + name + " has schema " + actual.schema() + ", expected " + schema);
    }
    return formatDifference(
            name, "key", expected.path("keyFormat").path("format"), actual.keyFormat())
        .or(
            () ->
                formatDifference(
                    name, "value", expected.path("valueFormat"), actual.valueFormat()));
  }

  private static Optional<String> formatDifference(
      String name, String part, JsonNode expected, String actual) {
    String format =
        expected.isTextual() ? expected.asText() : CaseRunner.text(expected.get("format"));
    if (format == null || format.equalsIgnoreCase(actual)) {
      return Optional.empty();
    }
    return Optional.of(
        "post: " + name + " has " + part + " format " + actual + ", expected " + format);
  }

  /**
   * Schemas compare without quotes or case, with PRIMARY KEY as KEY, INTEGER as INT and VARCHAR as
   * STRING.
   */
  static String normalSchema(String schema) {
    return schema
        .replace("`", "")
        .replaceAll("\\s+", " ")
        .replaceAll("(?i)\\bPRIMARY KEY\\b", "KEY")
        .replaceAll("(?i)\\bINTEGER\\b", "INT")
        .replaceAll("(?i)\\bVARCHAR\\b", "STRING")
        .replaceAll("\\s*([,<>()])\\s*", "$1")
        .toUpperCase(Locale.ROOT)
        .trim();
  }
}
