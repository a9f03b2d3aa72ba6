package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * Aggregates a grouped table's changes into a table: one accumulator row per group in the store;
 * each change first undoes its old row, then adds its new row, and the group's new result is
 * forwarded (no caching). A group keeps its row when its last input row goes (COUNT falls to 0), as
 * ksqlDB does; a HAVING downstream can turn that into a delete. The result's time is the latest
 * time of the changes folded in.
 */
final class TableAggregateOperator implements Operator {
  private final String storeName;
  private final RowCodec keyCodec;
  private final Aggregation aggregation;
  private final boolean forwardOld;
  private final Operator downstream;
  private ProcessingContext context;
  private KeyValueStore store;

  TableAggregateOperator(
      String storeName,
      RowCodec keyCodec,
      Aggregation aggregation,
      boolean forwardOld,
      Operator downstream) {
    this.storeName = storeName;
    this.keyCodec = keyCodec;
    this.aggregation = aggregation;
    this.forwardOld = forwardOld;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
    this.store = context.store(storeName);
  }

  @Override
  public void process(Row row, RecordContext record) {
    byte[] key = StateKeys.key(keyCodec, row.key());
    byte[] stored = store.get(key);
    Object[] old =
        stored != null && forwardOld
            ? aggregation.output(row.key(), aggregation.decode(stored), null)
            : null;
    Object[] accumulators = stored == null ? aggregation.initial() : aggregation.decode(stored);
    if (row.oldValue() != null) {
      accumulators = aggregation.undo(accumulators, row.oldValue(), context, record);
    }
    if (row.value() != null && accumulators != null) {
      accumulators = aggregation.add(accumulators, row.value(), context, record);
    }
    if (accumulators == null) {
      return;
    }
    long timestamp =
        stored == null
            ? row.timestamp()
            : Math.max(row.timestamp(), TimestampedCodec.timestamp(stored));
    store.put(key, aggregation.encode(timestamp, accumulators));
    downstream.process(
        new Row(row.key(), aggregation.output(row.key(), accumulators, null), timestamp, null, old),
        record);
  }
}
