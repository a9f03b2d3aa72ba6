package dev.millrace.engine.serde;

import dev.millrace.engine.expr.Converter;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The DELIMITED format: one line of text, the columns in order, separated by a delimiter (option
 * {@code delimiter}: a single character, or TAB or SPACE; default comma), CSV quoting, empty fields
 * null. Only primitive and DECIMAL columns. Numbers must fit their column exactly (see {@link
 * NumberFit}); DATE, TIME and TIMESTAMP are whole numbers (days, milliseconds of the day,
 * milliseconds since the epoch), as ksqlDB writes them.
 */
final class DelimitedSerde implements ValueSerde {
  private final List<Column> columns;
  private final char delimiter;
  private final Converter[] parsers;

  DelimitedSerde(List<Column> columns, Map<String, String> options) {
    this.columns = List.copyOf(columns);
    this.delimiter = delimiter(options);
    this.parsers = columns.stream().map(DelimitedSerde::parser).toArray(Converter[]::new);
  }

  /**
   * The delimiter an option value names: one character (planning stores TAB and SPACE so), or the
   * names TAB and SPACE.
   */
  static char delimiter(Map<String, String> options) {
    String value =
        options.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("delimiter"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(",");
    if (value.equalsIgnoreCase("TAB")) {
      return '\t';
    }
    if (value.equalsIgnoreCase("SPACE")) {
      return ' ';
    }
    if (value.length() != 1) {
      throw new SerdeException(
          "Invalid delimiter value: '"
              + value
              + "'. Delimiter must be a single character or TAB,SPACE");
    }
    return value.charAt(0);
  }

  private static Converter parser(Column column) {
    SqlType type = column.type();
    return switch (type.base()) {
      case STRING -> v -> v;
      case BOOLEAN -> v -> Boolean.parseBoolean(((String) v).trim());
      case BYTES ->
          v -> {
            try {
              return ByteBuffer.wrap(Base64.getDecoder().decode((String) v));
            } catch (IllegalArgumentException e) {
              throw new SerdeException("not valid base64 for " + type.toSql());
            }
          };
      case ARRAY, MAP, STRUCT ->
          throw new SerdeException(
              "The 'DELIMITED' format does not support type '"
                  + type.base()
                  + "' (column "
                  + column.name()
                  + ")");
      case INTEGER, BIGINT, DATE, TIME, TIMESTAMP -> v -> NumberFit.parseWhole((String) v, type);
      case DOUBLE -> v -> NumberFit.parseDouble((String) v);
      case DECIMAL -> v -> NumberFit.parseDecimal((String) v, (SqlType.Decimal) type);
    };
  }

  @Override
  public byte[] serialize(Object[] values) {
    if (values == null) {
      return null;
    }
    String[] fields = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      fields[i] = format(columns.get(i).type(), values[i]);
    }
    return CsvLine.join(fields, delimiter).getBytes(StandardCharsets.UTF_8);
  }

  private static String format(SqlType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type.base()) {
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case BYTES -> JsonWriters.base64((ByteBuffer) value);
      default -> value.toString();
    };
  }

  @Override
  public Object[] deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (columns.isEmpty()) {
      return new Object[0];
    }
    List<String> fields = CsvLine.split(new String(bytes, StandardCharsets.UTF_8), delimiter);
    if (fields.size() != columns.size()) {
      throw new SerdeException(
          "Failed to deserialize DELIMITED: column count mismatch: expected "
              + columns.size()
              + " columns, got "
              + fields.size());
    }
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      String field = fields.get(i);
      try {
        values[i] = field == null ? null : parsers[i].convert(field);
      } catch (SerdeException e) {
        throw new SerdeException(
            "Failed to deserialize column " + columns.get(i).name() + ": " + e.getMessage());
      }
    }
    return values;
  }
}
