package dev.millrace.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A field schema of a DESCRIBE or EXPLAIN response ({@code type}, {@code memberSchema}, {@code
 * fields}, {@code parameters}) written as a SQL type: {@code ARRAY<STRING>}, {@code MAP<STRING,
 * INTEGER>}, {@code STRUCT<CITY STRING, ZIP INTEGER>}, {@code DECIMAL(10, 2)}.
 */
final class SchemaText {

  private SchemaText() {}

  static String of(JsonNode schema) {
    if (schema.isTextual()) {
      return schema.asText();
    }
    String type = schema.path("type").asText("");
    return switch (type) {
      case "ARRAY" -> "ARRAY<" + of(schema.path("memberSchema")) + ">";
      case "MAP" -> "MAP<STRING, " + of(schema.path("memberSchema")) + ">";
      case "STRUCT" -> "STRUCT<" + structFields(schema.path("fields")) + ">";
      case "DECIMAL" -> decimal(schema);
      default -> type;
    };
  }

  private static String structFields(JsonNode fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach(
        field -> parts.add(field.path("name").asText() + " " + of(field.path("schema"))));
    return String.join(", ", parts);
  }

  private static String decimal(JsonNode schema) {
    JsonNode parameters = schema.path("parameters");
    if (!parameters.has("precision")) {
      return "DECIMAL";
    }
    return "DECIMAL("
        + parameters.path("precision").asText()
        + ", "
        + parameters.path("scale").asText("0")
        + ")";
  }
}
