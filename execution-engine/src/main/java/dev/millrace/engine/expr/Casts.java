package dev.millrace.engine.expr;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlType.Base;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CAST between SQL types as ksqlDB performs it: numbers convert with Java's narrowing (wrapping)
 * and DECIMAL rounding half-up, strings parse (surrounding blanks ignored), everything formats to a
 * string as ksqlDB prints it, and ARRAYs, MAPs and STRUCTs (by field name) convert element-wise.
 * The same converters serve implicit widening.
 */
public final class Casts {
  private Casts() {}

  /** Whether CAST(from AS to) is allowed. */
  public static boolean canCast(SqlType from, SqlType to) {
    return find(from, to).isPresent();
  }

  /**
   * The converter for CAST(from AS to).
   *
   * @throws IllegalArgumentException when the cast is not supported, with ksqlDB's wording
   */
  public static Converter converter(SqlType from, SqlType to) {
    return find(from, to)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Cast of " + from.toSql() + " to " + to.toSql() + " is not supported"));
  }

  private static Optional<Converter> find(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return Optional.of(v -> v);
    }
    if (to.base() == Base.STRING) {
      return Optional.of(ValueText.formatter(from));
    }
    return switch (to.base()) {
      case BOOLEAN ->
          from.base() == Base.STRING
              ? Optional.of(v -> parseBoolean((String) v))
              : Optional.empty();
      case INTEGER, BIGINT, DOUBLE, DECIMAL -> toNumber(from, to);
      case DATE, TIME, TIMESTAMP -> TemporalCasts.find(from, to);
      case BYTES -> Optional.empty();
      case ARRAY ->
          from instanceof SqlType.Array a
              ? find(a.element(), ((SqlType.Array) to).element()).map(Casts::eachElement)
              : Optional.empty();
      case MAP -> from instanceof SqlType.Map m ? toMap(m, (SqlType.Map) to) : Optional.empty();
      case STRUCT ->
          from instanceof SqlType.Struct s ? toStruct(s, (SqlType.Struct) to) : Optional.empty();
      case STRING -> throw new AssertionError("handled above");
    };
  }

  private static Optional<Converter> toNumber(SqlType from, SqlType to) {
    if (from.base() == Base.STRING) {
      return Optional.of(parser(to));
    }
    if (!isNumber(from)) {
      return Optional.empty();
    }
    return Optional.of(
        switch (to.base()) {
          case INTEGER -> v -> ((Number) v).intValue();
          case BIGINT -> v -> ((Number) v).longValue();
          case DOUBLE -> v -> ((Number) v).doubleValue();
          default -> decimal((SqlType.Decimal) to);
        });
  }

  private static Converter parser(SqlType to) {
    return switch (to.base()) {
      case INTEGER -> v -> parse(v, to, () -> Integer.parseInt(((String) v).trim()));
      case BIGINT -> v -> parse(v, to, () -> Long.parseLong(((String) v).trim()));
      case DOUBLE -> v -> parse(v, to, () -> Double.parseDouble(((String) v).trim()));
      default -> {
        Converter fit = decimal((SqlType.Decimal) to);
        yield v -> fit.convert(parse(v, to, () -> new BigDecimal(((String) v).trim())));
      }
    };
  }

  /**
   * Converts a number to the DECIMAL type, rounding half-up, failing when it has too many digits.
   */
  public static Converter decimal(SqlType.Decimal type) {
    int scale = type.scale();
    int integerDigits = type.precision() - type.scale();
    return v -> {
      BigDecimal exact =
          v instanceof BigDecimal d
              ? d
              : v instanceof Double || v instanceof Float
                  ? BigDecimal.valueOf(((Number) v).doubleValue())
                  : BigDecimal.valueOf(((Number) v).longValue());
      BigDecimal rounded = exact.setScale(scale, RoundingMode.HALF_UP);
      if (rounded.precision() - rounded.scale() > integerDigits && rounded.signum() != 0) {
        throw new EvaluationException(
            "Numeric field overflow: A field with precision "
                + type.precision()
                + " and scale "
                + scale
                + " must round to an absolute value less than 10^"
                + integerDigits
                + ". Got "
                + exact.toPlainString());
      }
      return rounded;
    };
  }

  private static Object parse(Object value, SqlType to, java.util.function.Supplier<Object> parse) {
    try {
      return parse.get();
    } catch (NumberFormatException e) {
      throw new EvaluationException("Cannot cast '" + value + "' to " + to.toSql());
    }
  }

  /** CAST of a string to BOOLEAN: true when it is "true" in any case, else false. */
  public static Boolean parseBoolean(String text) {
    return text.trim().equalsIgnoreCase("true");
  }

  private static boolean isNumber(SqlType type) {
    return switch (type.base()) {
      case INTEGER, BIGINT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  private static Converter eachElement(Converter element) {
    return v -> {
      List<?> in = (List<?>) v;
      List<Object> out = new ArrayList<>(in.size());
      for (Object e : in) {
        out.add(element.convertNullable(e));
      }
      return out;
    };
  }

  private static Optional<Converter> toMap(SqlType.Map from, SqlType.Map to) {
    Optional<Converter> key = find(from.key(), to.key());
    Optional<Converter> value = find(from.value(), to.value());
    if (key.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    Converter k = key.get();
    Converter val = value.get();
    return Optional.of(
        v -> {
          Map<?, ?> in = (Map<?, ?>) v;
          Map<Object, Object> out = new LinkedHashMap<>();
          in.forEach((a, b) -> out.put(k.convertNullable(a), val.convertNullable(b)));
          return out;
        });
  }

  private static Optional<Converter> toStruct(SqlType.Struct from, SqlType.Struct to) {
    int size = to.fields().size();
    int[] sources = new int[size];
    Converter[] converters = new Converter[size];
    for (int i = 0; i < size; i++) {
      SqlType.Field field = to.fields().get(i);
      sources[i] = from.indexOf(field.name());
      if (sources[i] >= 0) {
        Optional<Converter> c = find(from.fields().get(sources[i]).type(), field.type());
        if (c.isEmpty()) {
          return Optional.empty();
        }
        converters[i] = c.get();
      }
    }
    return Optional.of(
        v -> {
          Struct in = (Struct) v;
          Object[] values = new Object[size];
          for (int i = 0; i < size; i++) {
            values[i] = sources[i] < 0 ? null : converters[i].convertNullable(in.get(sources[i]));
          }
          return new Struct(to, values);
        });
  }

  /** BYTES as base64 text, as ksqlDB prints them. */
  static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] raw = new byte[copy.remaining()];
    copy.get(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
