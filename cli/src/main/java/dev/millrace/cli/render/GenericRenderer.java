package dev.millrace.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any entity the shell has no special layout for: plain fields as labelled lines, lists of objects
 * as tables. A newer server's answers stay readable in an older shell.
 */
final class GenericRenderer {

  private static final Set<String> SKIPPED = Set.of("@type", "statementText", "warnings");

  private GenericRenderer() {}

  static String render(JsonNode entity, int width) {
    KeyValueLines fields = new KeyValueLines();
    StringBuilder tables = new StringBuilder();
    for (Map.Entry<String, JsonNode> field : entity.properties()) {
      if (SKIPPED.contains(field.getKey())) {
        continue;
      }
      if (isListOfObjects(field.getValue())) {
        tables.append(field.getKey()).append(":\n").append(table(field.getValue(), width));
      } else {
        fields.add(field.getKey(), Cells.field(entity, field.getKey()));
      }
    }
    return fields.render() + tables;
  }

  private static boolean isListOfObjects(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      return false;
    }
    for (JsonNode item : node) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static String table(JsonNode objects, int width) {
    Set<String> columns = new LinkedHashSet<>();
    objects.forEach(object -> object.fieldNames().forEachRemaining(columns::add));
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode object : objects) {
      rows.add(columns.stream().map(column -> Cells.field(object, column)).toList());
    }
    return new TextTable(List.copyOf(columns), rows).render(width);
  }
}
