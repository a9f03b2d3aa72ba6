package dev.millrace.planner.catalog;

import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.types.LogicalSchema;
import java.util.Objects;
import java.util.Optional;

/**
 * A stream or table in the catalog.
 *
 * @param name the source's (normalised) name
 * @param type stream or table
 * @param schema the key and value columns as stored in the topic (no pseudo columns)
 * @param topic the Kafka topic holding the data
 * @param formats key and value formats, and the key's windowing for windowed sources
 * @param timestamp the column giving event time, when not the record's own timestamp
 * @param readOnly declared with {@code CREATE SOURCE}: no INSERTs, no DELETE TOPIC
 * @param createdByQuery whether a CREATE ... AS SELECT made it (and writes to it)
 * @param sqlText the statement that created it, for DESCRIBE
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
    String sqlText) {
  public DataSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(formats, "formats");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sqlText, "sqlText");
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
        name, type, schema, topic, formats, timestamp, readOnly, createdByQuery, text);
  }
}
