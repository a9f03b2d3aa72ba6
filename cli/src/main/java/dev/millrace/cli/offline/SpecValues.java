package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;

/** Converts single KAFKA-format column values between value specs and engine values. */
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
      case BIGINT, TIME, TIMESTAMP -> spec.isNumber() ? spec.longValue() : Long.parseLong(spec.asText());
      case DOUBLE -> spec.isNumber() ? spec.doubleValue() : Double.parseDouble(spec.asText());
      case DECIMAL -> new BigDecimal(spec.asText());
      case BYTES -> ByteBuffer.wrap(Base64.getDecoder().decode(spec.asText()));
      default -> spec.asText();
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
      default -> NODES.textNode(value.toString());
    };
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
