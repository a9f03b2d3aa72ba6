package dev.millrace.engine.function;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A simple JSONPath as EXTRACTJSONFIELD takes it: {@code $} followed by {@code .name}, {@code
 * ['name']} and {@code [index]} steps. Wildcards are not supported.
 */
final class JsonPath {
  private final List<Object> steps;

  private JsonPath(List<Object> steps) {
    this.steps = steps;
  }

  static JsonPath parse(String path) {
    String text = path.trim();
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("Invalid JSONPath '" + path + "': it must start with $");
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        steps.add(text.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int end = text.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("Invalid JSONPath '" + path + "': unclosed [");
        }
        String inside = text.substring(i + 1, end).trim();
        steps.add(
            inside.startsWith("'") || inside.startsWith("\"")
                ? inside.substring(1, inside.length() - 1)
                : (Object) Integer.parseInt(inside));
        i = end + 1;
      } else {
        throw new IllegalArgumentException("Invalid JSONPath '" + path + "' at position " + i);
      }
    }
    return new JsonPath(steps);
  }

  /** The node at the path, or null when there is none. */
  JsonNode find(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      if (node == null) {
        return null;
      }
      node =
          step instanceof Integer index
              ? (index < 0 ? null : node.get(index))
              : node.get((String) step);
    }
    return node;
  }
}
