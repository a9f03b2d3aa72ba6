package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The latest row per key of one input of a table-table join, in a store laid out as {@link
 * TableSourceOperator} lays it out. The join operator of the other input reads it; the join
 * operator of this input writes it, unless the input is a table source, which keeps it already.
 */
final class StoredTable {
  /** A stored row's value and the time of its last change. */
  record Stored(Object[] value, long timestamp) {}

  private final String storeName;
  private final RowCodec keyCodec;
  private final TimestampedCodec valueCodec;
  private final boolean written;
  private KeyValueStore store;

  /**
   * @param written whether the join writes the rows (false: the input's source operator does)
   */
  StoredTable(String storeName, RowCodec keyCodec, RowCodec valueCodec, boolean written) {
    this.storeName = storeName;
    this.keyCodec = keyCodec;
    this.valueCodec = new TimestampedCodec(valueCodec);
    this.written = written;
  }

  void init(ProcessingContext context) {
    store = context.store(storeName);
  }

  /** Records a change of this input (a no-op when its source operator stored it already). */
  void update(Row row) {
    if (!written) {
      return;
    }
    byte[] key = StateKeys.key(keyCodec, row.key());
    if (row.value() == null) {
      store.delete(key);
    } else {
      store.put(key, valueCodec.encode(row.timestamp(), row.value()));
    }
  }

  /** Visits every row, in key order. */
  void forEach(BiConsumer<Object[], Stored> visitor) {
    store.range(
        StateKeys.key(new byte[0]),
        StateKeys.after(StateKeys.key(new byte[0])),
        (key, bytes) ->
            visitor.accept(
                keyCodec.decode(Arrays.copyOfRange(key, 1, key.length)),
                new Stored(valueCodec.values(bytes), TimestampedCodec.timestamp(bytes))));
  }

  /** The row of a key, or null. */
  Stored get(Object[] key) {
    byte[] bytes = store.get(StateKeys.key(keyCodec, key));
    return bytes == null
        ? null
        : new Stored(valueCodec.values(bytes), TimestampedCodec.timestamp(bytes));
  }
}
