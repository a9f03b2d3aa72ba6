package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.parser.ast.ArithmeticUnary;
import dev.millrace.parser.ast.ArrayConstructor;
import dev.millrace.parser.ast.ArrayType;
import dev.millrace.parser.ast.BooleanLiteral;
import dev.millrace.parser.ast.Cast;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.DecimalLiteral;
import dev.millrace.parser.ast.DoubleLiteral;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.IntegerLiteral;
import dev.millrace.parser.ast.LongLiteral;
import dev.millrace.parser.ast.MapConstructor;
import dev.millrace.parser.ast.MapType;
import dev.millrace.parser.ast.NullLiteral;
import dev.millrace.parser.ast.PrimitiveType;
import dev.millrace.parser.ast.StringLiteral;
import dev.millrace.parser.ast.StructConstructor;
import dev.millrace.parser.ast.StructType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Turns the values of an {@code ASSERT VALUES} statement into value-spec JSON, the form the session
 * decodes records into: literals, negated numbers, {@code ARRAY[...]}, {@code MAP(k := v)}, {@code
 * STRUCT(f := v)} and {@code CAST}. A string given for a TIMESTAMP, DATE or TIME column becomes the
 * number the formats carry (epoch milliseconds, epoch days, milliseconds of the day).
 */
final class LiteralSpecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private LiteralSpecs() {}

  /**
   * @param type the column's type, or null when unknown
   * @throws TestInputException for any other kind of expression
   */
  static JsonNode of(Expression value, DataType type) {
    if (value instanceof NullLiteral) {
      return NODES.nullNode();
    }
    if (value instanceof BooleanLiteral b) {
      return NODES.booleanNode(b.booleanValue());
    }
    if (value instanceof IntegerLiteral i) {
      return NODES.numberNode(i.intValue());
    }
    if (value instanceof LongLiteral l) {
      return NODES.numberNode(l.longValue());
    }
    if (value instanceof DecimalLiteral d) {
      return NODES.numberNode(d.decimalValue());
    }
    if (value instanceof DoubleLiteral d) {
      return NODES.numberNode(d.doubleValue());
    }
    if (value instanceof StringLiteral s) {
      return string(s, type);
    }
    if (value instanceof ArithmeticUnary unary) {
      return signed(unary, type);
    }
    if (value instanceof Cast cast) {
      return of(cast.value(), cast.type());
    }
    return composite(value, type);
  }

  private static JsonNode composite(Expression value, DataType type) {
    if (value instanceof ArrayConstructor array) {
      DataType element = type instanceof ArrayType a ? a.element() : null;
      ArrayNode node = NODES.arrayNode();
      array.elements().forEach(e -> node.add(of(e, element)));
      return node;
    }
    if (value instanceof MapConstructor map) {
      DataType valueType = type instanceof MapType m ? m.value() : null;
      ObjectNode node = NODES.objectNode();
      map.entries().forEach(e -> node.set(of(e.key(), null).asText(), of(e.value(), valueType)));
      return node;
    }
    if (value instanceof StructConstructor struct) {
      ObjectNode node = NODES.objectNode();
      struct.fields().forEach(f -> node.set(f.name(), of(f.value(), fieldType(type, f.name()))));
      return node;
    }
    throw new TestInputException(
        "line "
            + value.location()
            + ": ASSERT VALUES takes constant values"
            + " (literals, ARRAY, MAP, STRUCT, CAST), not "
            + value.getClass().getSimpleName());
  }

  private static DataType fieldType(DataType struct, String name) {
    if (!(struct instanceof StructType s)) {
      return null;
    }
    return s.fields().stream()
        .filter(f -> f.name().equals(name))
        .map(StructType.Field::type)
        .findFirst()
        .orElse(null);
  }

  private static JsonNode signed(ArithmeticUnary unary, DataType type) {
    JsonNode operand = of(unary.operand(), type);
    if (!operand.isNumber()) {
      throw new TestInputException(
          "line " + unary.location() + ": a sign applies only to a number");
    }
    return unary.sign() == ArithmeticUnary.Sign.PLUS
        ? operand
        : NODES.numberNode(operand.decimalValue().negate());
  }

  private static JsonNode string(StringLiteral literal, DataType type) {
    String text = literal.stringValue();
    if (!(type instanceof PrimitiveType primitive)) {
      return NODES.textNode(text);
    }
    try {
      return switch (primitive.kind()) {
        case TIMESTAMP -> NODES.numberNode(timestampMillis(text));
        case DATE -> NODES.numberNode(LocalDate.parse(text).toEpochDay());
        case TIME -> NODES.numberNode(LocalTime.parse(text).toNanoOfDay() / 1_000_000);
        default -> NODES.textNode(text);
      };
    } catch (DateTimeParseException notATime) {
      throw new TestInputException(
          "line "
              + literal.location()
              + ": '"
              + text
              + "' is not a "
              + primitive.kind()
              + " (write it as 2024-01-31T10:15:30.000, 2024-01-31 or 10:15:30)");
    }
  }

  /** ksqlDB's literal form is an ISO local date-time in UTC, optionally with an offset or a Z. */
  private static long timestampMillis(String text) {
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException local) {
      return Instant.parse(text).toEpochMilli();
    }
  }
}
