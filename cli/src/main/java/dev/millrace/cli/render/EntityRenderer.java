package dev.millrace.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Turns one entity of a {@code /ksql} response into text for the screen, chosen by its
 * {@code @type}; types without a layout of their own are shown field by field. Warnings that come
 * with an entity are printed after it.
 */
public final class EntityRenderer {

  private EntityRenderer() {}

  /** The entity as text no wider than {@code width} where it can, ending with a newline. */
  public static String render(JsonNode entity, int width) {
    String body =
        switch (entity.path("@type").asText()) {
          case "currentStatus" -> status(entity, width);
          case "streams" -> ListRenderers.sources(entity.path("streams"), "Stream Name", width);
          case "tables" -> ListRenderers.sources(entity.path("tables"), "Table Name", width);
          case "queries" -> ListRenderers.queries(entity.path("queries"), width);
          case "kafka_topics" -> ListRenderers.topics(entity.path("topics"), width);
          case "properties" -> ListRenderers.properties(entity.path("properties"), width);
          case "function_names" -> ListRenderers.functions(entity.path("functions"), width);
          case "type_list" -> ListRenderers.types(entity.path("types"), width);
          case "variables" -> ListRenderers.variables(entity.path("variables"), width);
          case "sourceDescription" ->
              DescriptionRenderers.source(entity.path("sourceDescription"), width);
          case "sourceDescriptionList" -> each(entity.path("sourceDescriptions"), width, true);
          case "queryDescription" ->
              DescriptionRenderers.query(entity.path("queryDescription"), width);
          case "queryDescriptionList" -> each(entity.path("queryDescriptions"), width, false);
          case "describe_function" -> DescriptionRenderers.function(entity);
          case "warning_entity" -> "WARNING: " + Cells.field(entity, "message") + "\n";
          default -> GenericRenderer.render(entity, width);
        };
    return body + warnings(entity);
  }

  private static String status(JsonNode entity, int width) {
    JsonNode status = entity.path("commandStatus");
    String message = Cells.field(status, "message");
    return new TextTable(
            List.of("Message"),
            List.of(List.of(message.isEmpty() ? Cells.field(status, "status") : message)))
        .render(width);
  }

  private static String each(JsonNode descriptions, int width, boolean sources) {
    StringBuilder out = new StringBuilder();
    for (JsonNode description : descriptions) {
      out.append(out.isEmpty() ? "" : "\n")
          .append(
              sources
                  ? DescriptionRenderers.source(description, width)
                  : DescriptionRenderers.query(description, width));
    }
    return out.toString();
  }

  private static String warnings(JsonNode entity) {
    StringBuilder out = new StringBuilder();
    entity
        .path("warnings")
        .forEach(w -> out.append("WARNING: ").append(Cells.field(w, "message")).append('\n'));
    return out.toString();
  }
}
