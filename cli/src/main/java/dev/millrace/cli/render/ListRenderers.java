package dev.millrace.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The list answers: SHOW STREAMS, TABLES, QUERIES, TOPICS, PROPERTIES, FUNCTIONS and TYPES. */
final class ListRenderers {

  private ListRenderers() {}

  static String sources(JsonNode sources, String nameHeader, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode source : sources) {
      String valueFormat =
          source.has("valueFormat")
              ? Cells.field(source, "valueFormat")
              : Cells.field(source, "format");
      rows.add(
          List.of(
              Cells.field(source, "name"),
              Cells.field(source, "topic"),
              Cells.field(source, "keyFormat"),
              valueFormat,
              Cells.field(source, "isWindowed")));
    }
    return new TextTable(
            List.of(nameHeader, "Kafka Topic", "Key Format", "Value Format", "Windowed"), rows)
        .render(width);
  }

  static String queries(JsonNode queries, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode query : queries) {
      rows.add(
          List.of(
              Cells.field(query, "id"),
              Cells.field(query, "queryType"),
              status(query),
              Cells.field(query, "sinks"),
              Cells.field(query, "sinkKafkaTopics"),
              Cells.field(query, "queryString")));
    }
    return new TextTable(
            List.of(
                "Query ID",
                "Query Type",
                "Status",
                "Sink Name",
                "Sink Kafka Topic",
                "Query String"),
            rows)
        .render(width);
  }

  /** A query's state: {@code RUNNING:2} style counts per state when the server gives them. */
  static String status(JsonNode query) {
    JsonNode counts = query.path("statusCount");
    if (!counts.isObject() || counts.isEmpty()) {
      return Cells.field(query, "state");
    }
    List<String> parts = new ArrayList<>();
    counts
        .properties()
        .forEach(count -> parts.add(count.getKey() + ":" + count.getValue().asText()));
    return String.join(", ", parts);
  }

  static String topics(JsonNode topics, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode topic : topics) {
      JsonNode replicas = topic.path("replicaInfo");
      rows.add(
          List.of(
              Cells.field(topic, "name"),
              String.valueOf(replicas.size()),
              Cells.field(topic, "replicaInfo")));
    }
    return new TextTable(List.of("Kafka Topic", "Partitions", "Partition Replicas"), rows)
        .render(width);
  }

  /** Properties as a list of {name, scope, value} objects, or as a plain name-to-value map. */
  static String properties(JsonNode properties, int width) {
    List<List<String>> rows = new ArrayList<>();
    if (properties.isArray()) {
      for (JsonNode property : properties) {
        rows.add(
            List.of(
                Cells.field(property, "name"),
                Cells.field(property, "scope"),
                Cells.field(property, "value")));
      }
      return new TextTable(List.of("Property", "Scope", "Value"), rows).render(width);
    }
    properties.properties().forEach(p -> rows.add(List.of(p.getKey(), Cells.value(p.getValue()))));
    return new TextTable(List.of("Property", "Value"), rows).render(width);
  }

  static String functions(JsonNode functions, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode function : functions) {
      rows.add(List.of(Cells.field(function, "name"), Cells.field(function, "category")));
    }
    return new TextTable(List.of("Function Name", "Category"), rows).render(width);
  }

  static String types(JsonNode types, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> type : types.properties()) {
      rows.add(List.of(type.getKey(), SchemaText.of(type.getValue())));
    }
    return new TextTable(List.of("Type Name", "Schema"), rows).render(width);
  }

  static String variables(JsonNode variables, int width) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode variable : variables) {
      rows.add(List.of(Cells.field(variable, "name"), Cells.field(variable, "value")));
    }
    return new TextTable(List.of("Variable Name", "Value"), rows).render(width);
  }
}
