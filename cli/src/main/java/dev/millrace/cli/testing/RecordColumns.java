package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.millrace.cli.testing.SourceColumns.Column;
import dev.millrace.parser.ast.DecimalType;
import dev.millrace.parser.ast.PrimitiveType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record in value-spec form read back as columns: the key (the bare value for one key column, an
 * object for several), the value (an object by column name, a bare value for a single-column
 * format, or a CSV line for DELIMITED), and the pseudo columns ROWTIME, WINDOWSTART and WINDOWEND.
 */
final class RecordColumns {
  static final String ROWTIME = "ROWTIME";
  static final String WINDOWSTART = "WINDOWSTART";
  static final String WINDOWEND = "WINDOWEND";
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private RecordColumns() {}

  /** Column name to value; a column the record does not carry is JSON null. */
  static Map<String, JsonNode> of(TestRecord record, List<Column> columns, String valueFormat) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    List<Column> keys = columns.stream().filter(Column::key).toList();
    List<Column> fields = columns.stream().filter(c -> !c.key()).toList();
    keys.forEach(
        k ->
            values.put(
                k.name(), keys.size() == 1 ? orNull(record.key()) : field(record.key(), k.name())));
    List<JsonNode> valueFields = valueFields(record.value(), fields, valueFormat);
    for (int i = 0; i < fields.size(); i++) {
      values.put(fields.get(i).name(), valueFields.get(i));
    }
    values.put(
        ROWTIME,
        record.timestamp() == null ? NODES.nullNode() : NODES.numberNode(record.timestamp()));
    if (record.window() != null) {
      values.put(WINDOWSTART, NODES.numberNode(record.window().start()));
      values.put(WINDOWEND, NODES.numberNode(record.window().end()));
    }
    return values;
  }

  private static List<JsonNode> valueFields(
      JsonNode value, List<Column> fields, String valueFormat) {
    if (value != null && value.isTextual() && "DELIMITED".equalsIgnoreCase(valueFormat)) {
      return delimited(value.asText(), fields);
    }
    if (value != null && value.isObject() || fields.size() != 1) {
      return fields.stream().map(f -> field(value, f.name())).toList();
    }
    return List.of(orNull(value));
  }

  private static JsonNode field(JsonNode object, String name) {
    return object == null || !object.has(name) ? NODES.nullNode() : object.get(name);
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? NODES.nullNode() : node;
  }

  /**
   * DELIMITED values are CSV: fields in column order, an empty field is null, {@code "..."} quotes.
   */
  private static List<JsonNode> delimited(String line, List<Column> fields) {
    List<String> texts = csvFields(line);
    List<JsonNode> values = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      values.add(i < texts.size() ? typed(texts.get(i), fields.get(i)) : NODES.nullNode());
    }
    return values;
  }

  private static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static JsonNode typed(String text, Column column) {
    if (text.isEmpty()) {
      return NODES.nullNode();
    }
    try {
      if (column.type() instanceof DecimalType) {
        return NODES.numberNode(new BigDecimal(text));
      }
      if (column.type() instanceof PrimitiveType p) {
        switch (p.kind()) {
          case INTEGER, BIGINT:
            return NODES.numberNode(Long.parseLong(text));
          case DOUBLE:
            return NODES.numberNode(Double.parseDouble(text));
          case BOOLEAN:
            return NODES.booleanNode(Boolean.parseBoolean(text));
          default:
            break;
        }
      }
    } catch (NumberFormatException notANumber) {
      return NODES.textNode(text);
    }
    return NODES.textNode(text);
  }
}
