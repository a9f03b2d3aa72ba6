package dev.millrace.planner.catalog;

import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stream or table in the catalog.
 *
 * @param name the source's (normalised) name
 * @param type stream or table
 * @param schema the key and value columns (no pseudo columns): those stored in the topic, then the
 *     header columns
 * @param topic the Kafka topic holding the data
 * @param formats key and value formats, and the key's windowing for windowed sources
 * @param timestamp the column giving event time, when not the record's own timestamp
 * @param readOnly declared with {@code CREATE SOURCE}: no INSERTs, no DELETE TOPIC
 * @param createdByQuery whether a CREATE ... AS SELECT made it (and writes to it)
 * @param sqlText the statement that created it, for DESCRIBE
 * @param headers the value columns read from the record headers ({@code HEADERS}, {@code
 *     HEADER('key')}), last in {@code schema}'s value; they are read-only
 */
public record DataSource(
    String name,
    SourceType type,
    LogicalSchema schema,
    String topic,
    Formats formats,
    Optional<TimestampColumn> timestamp,
    boolean readOnly,
    boolean createdByQuery,
    String sqlText,
    List<HeaderColumn> headers) {
  public DataSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(formats, "formats");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sqlText, "sqlText");
    // Catalog records stored before header columns existed have none.
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** A source without header columns. */
  public DataSource(
      String name,
      SourceType type,
      LogicalSchema schema,
      String topic,
      Formats formats,
      Optional<TimestampColumn> timestamp,
      boolean readOnly,
      boolean createdByQuery,
      String sqlText) {
    this(
        name,
        type,
        schema,
        topic,
        formats,
        timestamp,
        readOnly,
        createdByQuery,
        sqlText,
        List.of());
  }

  /** The columns the topic's key and value hold: {@link #schema} without the header columns. */
  public LogicalSchema storedSchema() {
    if (headers.isEmpty()) {
      return schema;
    }
    List<Column> value = schema.value().subList(0, schema.value().size() - headers.size());
    return new LogicalSchema(schema.key(), value);
  }

  /** The header column of this name, if it is one. */
  public Optional<HeaderColumn> header(String column) {
    return headers.stream().filter(h -> h.name().equals(column)).findFirst();
  }

  /** Whether the key carries a window (the source was made by a windowed aggregation). */
  public boolean isWindowed() {
    return formats.keyWindow().isPresent();
  }

  public boolean isTable() {
    return type == SourceType.TABLE;
  }

  /** This source with another statement text, e.g. after CREATE OR REPLACE. */
  public DataSource withSqlText(String text) {
    return new DataSource(
        name, type, schema, topic, formats, timestamp, readOnly, createdByQuery, text, headers);
  }
}
