package dev.millrace.server.service;

import dev.millrace.engine.operator.Row;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.SerdeException;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.planner.catalog.DataSource;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current rows of a table, read from its topic (the table's changelog): the latest record per
 * key wins and a tombstone deletes. Rows come in the layout a table source emits (see
 * {@link SourceColumns}), so pull-query expressions planned against the table apply to them.
 */
final class TableRows {
  private TableRows() {}

  static List<Row> read(QueryBackend backend, DataSource table, Optional<List<List<Object>>> keys) {
    KeySerde keySerde = SerdeFactory.keySerde(table.formats().key(), table.schema().key(), table.formats().keyWindow());
    ValueSerde valueSerde = SerdeFactory.valueSerde(table.formats().value(), table.schema().value());
    Set<List<Object>> wanted = keys.map(HashSet::new).orElse(null);
    Map<ByteBuffer, Row> latest = new LinkedHashMap<>();
    for (QueryBackend.TopicRecord record : backend.readTopic(table.topic())) {
      if (record.key() == null) {
        continue;
      }
      ByteBuffer id = ByteBuffer.wrap(record.key());
      if (record.value() == null) {
        latest.remove(id);
        continue;
      }
      try {
        KeySerde.DecodedKey key = keySerde.deserialize(record.key());
        if (wanted != null && !wanted.contains(Arrays.asList(key.columns()))) {
          continue;
        }
        Object[] value = valueSerde.deserialize(record.value());
        latest.put(id, new Row(key.columns(), sourceLayout(value, key, record), record.timestamp(), key.window()));
      } catch (SerdeException unreadable) {
        // A record the table's own query would skip is skipped here too.
      }
    }
    return new ArrayList<>(latest.values());
  }

  private static Object[] sourceLayout(Object[] value, KeySerde.DecodedKey key, QueryBackend.TopicRecord record) {
    boolean windowed = key.window() != null;
    Object[] row = new Object[value.length + 3 + key.columns().length + (windowed ? 2 : 0)];
    System.arraycopy(value, 0, row, 0, value.length);
    int at = value.length;
    row[at++] = record.timestamp();
    row[at++] = record.partition();
    row[at++] = record.offset();
    System.arraycopy(key.columns(), 0, row, at, key.columns().length);
    at += key.columns().length;
    if (windowed) {
      row[at++] = key.window().start();
      row[at] = key.window().end();
    }
    return row;
  }
}
