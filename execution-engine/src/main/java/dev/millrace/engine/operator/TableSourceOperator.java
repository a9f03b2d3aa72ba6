package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * Materialises a table read from a topic: each row upserts its key's row in the store, a delete
 * removes it, and the change goes downstream with the key's previous row.
 */
final class TableSourceOperator implements Operator {
  private final String storeName;
  private final RowCodec keyCodec;
  private final TimestampedCodec valueCodec;
  private final Operator downstream;
  private KeyValueStore store;

  TableSourceOperator(
      String storeName, RowCodec keyCodec, RowCodec valueCodec, Operator downstream) {
    this.storeName = storeName;
    this.keyCodec = keyCodec;
    this.valueCodec = new TimestampedCodec(valueCodec);
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    store = context.store(storeName);
  }

  @Override
  public void process(Row row, RecordContext record) {
    byte[] key = StateKeys.rowKey(keyCodec.encode(row.key()), row.window());
    byte[] previous = store.get(key);
    if (row.value() == null) {
      store.delete(key);
    } else {
      store.put(key, valueCodec.encode(row.timestamp(), row.value()));
    }
    downstream.process(
        row.withValues(row.value(), previous == null ? null : valueCodec.values(previous)), record);
  }
}
