package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * Keeps the latest row per key of a derived table (say a filtered table) in a store, so a join can
 * look rows up; it is the end of its chain. Rows are stored as {@link TableSourceOperator} stores
 * them.
 */
final class TableMaterializer implements Operator {
  private final String storeName;
  private final RowCodec keyCodec;
  private final TimestampedCodec valueCodec;
  private KeyValueStore store;

  TableMaterializer(String storeName, RowCodec keyCodec, RowCodec valueCodec) {
    this.storeName = storeName;
    this.keyCodec = keyCodec;
    this.valueCodec = new TimestampedCodec(valueCodec);
  }

  @Override
  public void init(ProcessingContext context) {
    store = context.store(storeName);
  }

  @Override
  public void process(Row row, RecordContext record) {
    byte[] key = StateKeys.rowKey(keyCodec.encode(row.key()), row.window());
    if (row.value() == null) {
      store.delete(key);
    } else {
      store.put(key, valueCodec.encode(row.timestamp(), row.value()));
    }
  }
}
