package dev.millrace.server.service;

import dev.millrace.engine.operator.HeaderValues;
import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.operator.Window;
import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.RegistryBinding;
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
 * The rows of a source in the layout a source step emits (see {@link SourceColumns}), so pull-query
 * expressions planned against the source apply to them: a table's current rows, either read from
 * the state of the query that materialises it ({@link #fromState}), or, for a table no running
 * query materialises here (a declared source table), from its topic ({@link #read}); a stream's
 * rows, from its topic ({@link #readStream}).
 */
final class TableRows {
  private TableRows() {}

  /**
   * A materialised row in source layout. The planner plans a pull query against the table as a
   * TableSource would emit it, while the store yields the sink's value columns only; this adds
   * ROWTIME (the row's timestamp), the key copies and the window bounds. ROWPARTITION and ROWOFFSET
   * are null: a row in state is not one record of the topic.
   */
  static Row fromState(Row stored) {
    Object[] value =
        sourceLayout(stored.value(), stored.timestamp(), null, null, stored.key(), stored.window());
    return new Row(stored.key(), value, stored.timestamp(), stored.window());
  }

  /**
   * The table's rows read from its topic (the table's changelog): the latest record per key wins, a
   * tombstone deletes.
   */
  static List<Row> read(QueryBackend backend, DataSource table, Optional<List<List<Object>>> keys) {
    Decoder decoder = new Decoder(backend, table);
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
      decoder
          .decode(record)
          .filter(row -> wanted == null || wanted.contains(Arrays.asList(row.key())))
          .ifPresent(row -> latest.put(id, row));
    }
    return new ArrayList<>(latest.values());
  }

  /**
   * A stream's rows read from its topic, up to the end offsets when the read begins, in the order
   * read: every record with a value (records without one have no row to show).
   */
  static List<Row> readStream(QueryBackend backend, DataSource stream) {
    Decoder decoder = new Decoder(backend, stream);
    List<Row> rows = new ArrayList<>();
    for (QueryBackend.TopicRecord record : backend.readTopic(stream.topic())) {
      if (record.value() != null) {
        decoder.decode(record).ifPresent(rows::add);
      }
    }
    return rows;
  }

  /** Decodes a source's topic records into rows in source layout. */
  private static final class Decoder {
    private final DataSource source;
    private final KeySerde keySerde;
    private final ValueSerde valueSerde;

    Decoder(QueryBackend backend, DataSource source) {
      RegistryBinding registry = new RegistryBinding(backend.schemaRegistry(), source.topic());
      this.source = source;
      this.keySerde =
          SerdeFactory.keySerde(
              source.formats().key(),
              source.schema().key(),
              source.formats().keyWindow(),
              registry);
      this.valueSerde =
          SerdeFactory.valueSerde(
              source.formats().value(), source.storedSchema().value(), registry);
    }

    /** The record's row; empty for a record the source's own queries would skip as unreadable. */
    Optional<Row> decode(QueryBackend.TopicRecord record) {
      try {
        KeySerde.DecodedKey key =
            record.key() == null
                ? new KeySerde.DecodedKey(new Object[source.schema().key().size()], null)
                : keySerde.deserialize(record.key());
        Object[] value =
            withHeaders(valueSerde.deserialize(record.value()), source.headers(), record.headers());
        Object[] row =
            sourceLayout(
                value,
                record.timestamp(),
                record.partition(),
                record.offset(),
                key.columns(),
                key.window());
        return Optional.of(new Row(key.columns(), row, record.timestamp(), key.window()));
      } catch (SerdeException unreadable) {
        return Optional.empty();
      }
    }
  }

  private static Object[] withHeaders(
      Object[] stored, List<HeaderColumn> columns, List<InputRecord.Header> headers) {
    if (columns.isEmpty()) {
      return stored;
    }
    Object[] value = Arrays.copyOf(stored, stored.length + columns.size());
    System.arraycopy(HeaderValues.of(columns, headers), 0, value, stored.length, columns.size());
    return value;
  }

  private static Object[] sourceLayout(
      Object[] value, long rowtime, Integer partition, Long offset, Object[] key, Window window) {
    boolean windowed = window != null;
    Object[] row = new Object[value.length + 3 + key.length + (windowed ? 2 : 0)];
    System.arraycopy(value, 0, row, 0, value.length);
    int at = value.length;
    row[at++] = rowtime;
    row[at++] = partition;
    row[at++] = offset;
    System.arraycopy(key, 0, row, at, key.length);
    at += key.length;
    if (windowed) {
      row[at++] = window.start();
      row[at] = window.end();
    }
    return row;
  }
}
