package dev.millrace.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** How JSON values from the server read in a table cell. */
public final class Cells {

  private Cells() {}

  /**
   * A value of a query row: text as is, numbers and booleans as JSON writes them, SQL NULL as
   * {@code null}, arrays, maps and structs as compact JSON.
   */
  public static String value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /**
   * A field of a response entity: empty when absent, a list of plain values joined with commas,
   * anything else as {@link #value}.
   */
  public static String field(JsonNode entity, String name) {
    JsonNode node = entity.path(name);
    if (node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isArray() && allValues(node)) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.asText()));
      return String.join(", ", items);
    }
    return value(node);
  }

  private static boolean allValues(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isValueNode()) {
        return false;
      }
    }
    return true;
  }
}
