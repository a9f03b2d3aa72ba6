package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ARRAY_STRING;
import static dev.millrace.engine.function.Types.BOOLEAN;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.sig;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Functions over strings holding JSON: extraction, inspection, concatenation, and TO_JSON_STRING.
 */
final class JsonFunctions {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();

  private JsonFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("JSON");
    b.scalar(
            "EXTRACTJSONFIELD",
            "The value at a JSONPath in a JSON string, as a string; null when absent.")
        .add(
            sig(STRING, STRING, STRING), a -> text(path((String) a[1]).find(parse((String) a[0]))));
    b.scalar(
            "JSON_ARRAY_LENGTH",
            "The length of the JSON array in a string; null when it is not an array.")
        .add(
            sig(INT, STRING),
            a -> {
              JsonNode node = parseOrNull((String) a[0]);
              return node != null && node.isArray() ? node.size() : null;
            });
    b.scalar("JSON_ARRAY_CONTAINS", "Whether the JSON array in a string contains a value.")
        .addNullable(
            sig(BOOLEAN, STRING, T), a -> a[0] != null && arrayContains((String) a[0], a[1]));
    b.scalar("IS_JSON_STRING", "Whether a string parses as JSON.")
        .addNullable(sig(BOOLEAN, STRING), a -> a[0] != null && parseOrNull((String) a[0]) != null);
    b.scalar("JSON_KEYS", "The top-level keys of the JSON object in a string.")
        .add(
            sig(ARRAY_STRING, STRING),
            a -> {
              JsonNode node = parseOrNull((String) a[0]);
              if (node == null || !node.isObject()) {
                return null;
              }
              List<Object> keys = new ArrayList<>();
              node.fieldNames().forEachRemaining(keys::add);
              return keys;
            });
    b.scalar(
            "JSON_RECORDS",
            "The top-level entries of the JSON object in a string, values as JSON text.")
        .add(sig(TypePattern.mapOf(STRING, STRING), STRING), a -> records((String) a[0]));
    b.scalar("JSON_ITEMS", "The elements of the JSON array in a string, each as JSON text.")
        .add(
            sig(ARRAY_STRING, STRING),
            a -> {
              JsonNode node = parseOrNull((String) a[0]);
              if (node == null || !node.isArray()) {
                return null;
              }
              List<Object> items = new ArrayList<>();
              node.forEach(n -> items.add(n.toString()));
              return items;
            });
    b.scalar(
            "JSON_CONCAT",
            "Concatenates JSON values: objects merge, anything else becomes array elements.")
        .addNullable(Types.variadic(STRING, STRING), JsonFunctions::concat);
    b.scalar("TO_JSON_STRING", "Any value as a JSON string.")
        .addTyped(sig(STRING, T), false, (params, result) -> ToJsonString.forType(params.get(0)));
  }

  private static JsonPath path(String path) {
    return PATHS.computeIfAbsent(path, JsonPath::parse);
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("Invalid JSON format: " + e.getMessage());
    }
  }

  private static JsonNode parseOrNull(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      return node == null || node.isMissingNode() ? null : node;
    } catch (Exception e) {
      return null;
    }
  }

  /** A node as text: strings unquoted, other scalars as written, objects and arrays as JSON. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static boolean arrayContains(String json, Object value) {
    JsonNode node = parseOrNull(json);
    if (node == null || !node.isArray()) {
      return false;
    }
    for (JsonNode element : node) {
      if (value == null ? element.isNull() : matches(element, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(JsonNode element, Object value) {
    if (value instanceof String s) {
      return element.isTextual() && element.textValue().equals(s);
    }
    if (value instanceof Boolean flag) {
      return element.isBoolean() && element.booleanValue() == flag;
    }
    if (value instanceof Number n && element.isNumber()) {
      return dev.millrace.engine.expr.Comparisons.compareNumbers(element.numberValue(), n) == 0;
    }
    return false;
  }

  private static Map<Object, Object> records(String json) {
    JsonNode node = parseOrNull(json);
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      out.put(
          field.getKey(),
          field.getValue().isTextual()
              ? field.getValue().textValue()
              : field.getValue().toString());
    }
    return out;
  }

  private static Object concat(Object[] a) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Object value : a) {
      JsonNode node = value == null ? null : parseOrNull((String) value);
      if (node == null) {
        return null;
      }
      nodes.add(node);
    }
    if (nodes.stream().allMatch(JsonNode::isObject)) {
      ObjectNode merged = MAPPER.createObjectNode();
      nodes.forEach(n -> merged.setAll((ObjectNode) n));
      return merged.toString();
    }
    ArrayNode merged = MAPPER.createArrayNode();
    for (JsonNode n : nodes) {
      if (n.isArray()) {
        merged.addAll((ArrayNode) n);
      } else {
        merged.add(n);
      }
    }
    return merged.toString();
  }
}
