package dev.millrace.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The answers that describe one thing: DESCRIBE source, EXPLAIN query, DESCRIBE FUNCTION. */
final class DescriptionRenderers {

  private DescriptionRenderers() {}

  /** DESCRIBE [EXTENDED] of a stream or table ({@code sourceDescription}). */
  static String source(JsonNode source, int width) {
    boolean extended = source.path("extended").asBoolean(false);
    String type = Cells.field(source, "type");
    StringBuilder out =
        new StringBuilder(
            new KeyValueLines()
                .add("Name", Cells.field(source, "name"))
                .add("Type", type)
                .add("Timestamp field", Cells.field(source, "timestamp"))
                .add("Key format", Cells.field(source, "keyFormat"))
                .add(
                    "Value format",
                    source.has("valueFormat")
                        ? Cells.field(source, "valueFormat")
                        : Cells.field(source, "format"))
                .add("Kafka topic", topic(source, extended))
                .add("Window type", Cells.field(source, "windowType"))
                .add("Statement", Cells.field(source, "statement"))
                .render());
    out.append(
        fields(source.path("fields"), "TABLE".equals(type) ? "(primary key)" : "(key)", width));
    if (!extended) {
      String name = Cells.field(source, "name");
      return out.append("For runtime statistics and query details run: DESCRIBE ")
          .append(name)
          .append(" EXTENDED;\n")
          .toString();
    }
    appendQueries(out, "Queries that read from this " + type, source.path("readQueries"));
    appendQueries(out, "Queries that write into this " + type, source.path("writeQueries"));
    out.append('\n')
        .append(
            new KeyValueLines()
                .add("Statistics", Cells.field(source, "statistics"))
                .add("Errors", Cells.field(source, "errorStats"))
                .render());
    return out.toString();
  }

  /** EXPLAIN of a query ({@code queryDescription}). */
  static String query(JsonNode query, int width) {
    StringBuilder out =
        new StringBuilder(
            new KeyValueLines()
                .add("ID", Cells.field(query, "id"))
                .add("Query type", Cells.field(query, "queryType"))
                .add("State", Cells.field(query, "state"))
                .add("SQL", Cells.field(query, "statementText"))
                .render());
    out.append(fields(query.path("fields"), "(key)", width));
    out.append(
        new KeyValueLines()
            .add("Sources", Cells.field(query, "sources"))
            .add("Sinks", Cells.field(query, "sinks"))
            .render());
    appendSection(out, "Execution plan", Cells.field(query, "executionPlan"));
    appendSection(out, "Processing topology", Cells.field(query, "topology"));
    return out.toString();
  }

  /** DESCRIBE FUNCTION ({@code describe_function}): the overview, then one block per signature. */
  static String function(JsonNode function) {
    StringBuilder out =
        new StringBuilder(
            new KeyValueLines()
                .add("Name", Cells.field(function, "name"))
                .add("Author", Cells.field(function, "author"))
                .add("Version", Cells.field(function, "version"))
                .add("Overview", Cells.field(function, "description"))
                .add("Type", Cells.field(function, "type"))
                .add("Jar", Cells.field(function, "path"))
                .render());
    for (JsonNode variation : function.path("functions")) {
      List<String> arguments = new ArrayList<>();
      variation
          .path("arguments")
          .forEach(a -> arguments.add(a.path("name").asText() + " " + a.path("type").asText()));
      out.append('\n')
          .append(
              new KeyValueLines()
                  .add(
                      "Variation",
                      Cells.field(function, "name") + "(" + String.join(", ", arguments) + ")")
                  .add("Returns", Cells.field(variation, "returnType"))
                  .add("Description", Cells.field(variation, "description"))
                  .render());
    }
    return out.toString();
  }

  private static String topic(JsonNode source, boolean extended) {
    String topic = Cells.field(source, "topic");
    if (!extended || topic.isEmpty()) {
      return topic;
    }
    return topic
        + " (partitions: "
        + Cells.field(source, "partitions")
        + ", replication: "
        + Cells.field(source, "replication")
        + ")";
  }

  private static String fields(JsonNode fields, String keyMarker, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode field : fields) {
      String type = SchemaText.of(field.path("schema"));
      if ("KEY".equals(field.path("type").asText())) {
        type += " " + keyMarker;
      } else if ("HEADER".equals(field.path("type").asText())) {
        type +=
            field.hasNonNull("headerKey")
                ? " (header('" + field.path("headerKey").asText() + "'))"
                : " (headers)";
      }
      rows.add(List.of(field.path("name").asText(), type));
    }
    return new TextTable(List.of("Field", "Type"), rows).render(width);
  }

  private static void appendQueries(StringBuilder out, String title, JsonNode queries) {
    StringBuilder lines = new StringBuilder();
    for (JsonNode query : queries) {
      lines
          .append(Cells.field(query, "id"))
          .append(" (")
          .append(ListRenderers.status(query))
          .append(") : ")
          .append(Cells.field(query, "queryString"))
          .append('\n');
    }
    appendSection(out, title, lines.toString());
  }

  private static void appendSection(StringBuilder out, String title, String body) {
    if (body.isBlank()) {
      return;
    }
    out.append('\n')
        .append(title)
        .append('\n')
        .append("-".repeat(title.length()))
        .append('\n')
        .append(body.strip())
        .append('\n');
  }
}
