package dev.millrace.engine.plan;

import dev.millrace.engine.types.Column;
import java.util.List;

/**
 * How the record keys of a topic are written: its key format and key columns, and the topic itself,
 * whose subject a schema-registry format registers the key schema under. Rows re-keyed to meet that
 * topic's rows in a join write their keys exactly so (the same serde, the same subject, so the same
 * schema id in the bytes): Kafka's partitioner hashes the key bytes, so only then do equal keys
 * land in partitions of the same number.
 */
public record KeyLayout(String topic, FormatInfo format, List<Column> columns) {
  public KeyLayout {
    columns = List.copyOf(columns);
  }
}
