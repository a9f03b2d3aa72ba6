package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts column values between value specs and engine values, by the column's type: numbers and
 * strings as they are, DECIMAL at the type's scale, BYTES as base64, DATE, TIME and TIMESTAMP as
 * numbers, STRUCT fields matched by exact name or else ignoring case.
 */
final class SpecValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SpecValues() {}

  static Object toEngine(JsonNode spec, SqlType type) {
    if (spec == null || spec.isNull()) {
      return null;
    }
    return switch (type.base()) {
      case BOOLEAN -> spec.asBoolean();
      case INTEGER, DATE -> spec.isNumber() ? spec.intValue() : Integer.parseInt(spec.asText());
      case BIGINT, TIME, TIMESTAMP ->
          spec.isNumber() ? spec.longValue() : Long.parseLong(spec.asText());
      case DOUBLE -> spec.isNumber() ? spec.doubleValue() : Double.parseDouble(spec.asText());
      case DECIMAL ->
          new BigDecimal(spec.asText())
              .setScale(((SqlType.Decimal) type).scale(), RoundingMode.HALF_UP);
      case BYTES -> ByteBuffer.wrap(Base64.getDecoder().decode(spec.asText()));
      case STRING -> spec.isValueNode() ? spec.asText() : spec.toString();
      case ARRAY -> array(spec, ((SqlType.Array) type).element());
      case MAP -> map(spec, (SqlType.Map) type);
      case STRUCT -> struct(spec, (SqlType.Struct) type);
    };
  }

  static JsonNode toSpec(Object value, SqlType type) {
    if (value == null) {
      return NODES.nullNode();
    }
    return switch (type.base()) {
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case INTEGER, DATE -> NODES.numberNode(((Number) value).intValue());
      case BIGINT, TIME, TIMESTAMP -> NODES.numberNode(((Number) value).longValue());
      case DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
      case DECIMAL -> NODES.numberNode((BigDecimal) value);
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
      case STRING -> NODES.textNode(value.toString());
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        ((List<?>) value).forEach(e -> array.add(toSpec(e, ((SqlType.Array) type).element())));
        yield array;
      }
      case MAP -> {
        ObjectNode map = NODES.objectNode();
        ((Map<?, ?>) value)
            .forEach((k, v) -> map.set(String.valueOf(k), toSpec(v, ((SqlType.Map) type).value())));
        yield map;
      }
      case STRUCT -> {
        ObjectNode struct = NODES.objectNode();
        Struct s = (Struct) value;
        List<SqlType.Field> fields = s.type().fields();
        for (int i = 0; i < fields.size(); i++) {
          struct.set(fields.get(i).name(), toSpec(s.get(i), fields.get(i).type()));
        }
        yield struct;
      }
    };
  }

  /** The spec's field of this name: the exact name, else ignoring case, else null. */
  static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String candidate = names.next();
      if (candidate.equalsIgnoreCase(name)) {
        return object.get(candidate);
      }
    }
    return null;
  }

  private static List<Object> array(JsonNode spec, SqlType element) {
    List<Object> list = new ArrayList<>();
    spec.forEach(e -> list.add(toEngine(e, element)));
    return list;
  }

  private static Map<Object, Object> map(JsonNode spec, SqlType.Map type) {
    Map<Object, Object> map = new LinkedHashMap<>();
    spec.fields()
        .forEachRemaining(
            e ->
                map.put(
                    toEngine(NODES.textNode(e.getKey()), type.key()),
                    toEngine(e.getValue(), type.value())));
    return map;
  }

  private static Struct struct(JsonNode spec, SqlType.Struct type) {
    Object[] values = new Object[type.fields().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = toEngine(field(spec, type.fields().get(i).name()), type.fields().get(i).type());
    }
    return new Struct(type, values);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
