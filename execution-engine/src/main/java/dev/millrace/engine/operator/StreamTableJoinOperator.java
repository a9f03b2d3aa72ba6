package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * Joins each stream row with the table row of the same key, looked up in the table's store at the
 * moment the stream row arrives; a windowed stream row meets the table row of its key and window
 * (both sides are windowed alike). The result keeps the stream row's key, window and time; its
 * value is the stream's value then the table's (nulls for a LEFT join without a match; INNER drops
 * the row). A stream row with a null key column matches nothing and is dropped, as Kafka Streams
 * does, and so is one without a value; both are reported to the processing log.
 */
final class StreamTableJoinOperator implements Operator {
  private final String storeName;
  private final RowCodec keyCodec;
  private final TimestampedCodec tableCodec;
  private final int tableWidth;
  private final boolean inner;
  private final Operator downstream;
  private ProcessingContext context;
  private KeyValueStore store;

  StreamTableJoinOperator(
      String storeName,
      RowCodec keyCodec,
      RowCodec tableCodec,
      int tableWidth,
      boolean inner,
      Operator downstream) {
    this.storeName = storeName;
    this.keyCodec = keyCodec;
    this.tableCodec = new TimestampedCodec(tableCodec);
    this.tableWidth = tableWidth;
    this.inner = inner;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
    store = context.store(storeName);
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (row.value() == null) {
      DroppedRecords.noValue(context, record, "the join");
      return;
    }
    for (Object column : row.key()) {
      if (column == null) {
        DroppedRecords.nullJoinKey(context, record);
        return;
      }
    }
    // An unwindowed row's key is encoded in one buffer (the hot path); a windowed row's carries
    // its window.
    byte[] storeKey =
        row.window() == null
            ? StateKeys.key(keyCodec, row.key())
            : StateKeys.rowKey(keyCodec.encode(row.key()), row.window());
    byte[] match = store.get(storeKey);
    if (match == null && inner) {
      return;
    }
    Object[] joined = new Object[row.value().length + tableWidth];
    System.arraycopy(row.value(), 0, joined, 0, row.value().length);
    if (match != null) {
      System.arraycopy(tableCodec.values(match), 0, joined, row.value().length, tableWidth);
    }
    downstream.process(new Row(row.key(), joined, row.timestamp(), row.window()), record);
  }
}
