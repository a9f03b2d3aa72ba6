package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * Aggregates a grouped stream into a table without windows: one accumulator row per key in the
 * store, every update forwarded (no caching). The result's time is the latest time of the rows
 * folded in, as Kafka Streams keeps it.
 */
final class AggregateOperator implements Operator {
  private final String storeName;
  private final RowCodec keyCodec;
  private final Aggregation aggregation;
  private final boolean forwardOld;
  private final Operator downstream;
  private ProcessingContext context;
  private KeyValueStore store;

  AggregateOperator(
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
    if (row.value() == null) {
      DroppedRecords.noValue(context, record, "the aggregation");
      return;
    }
    byte[] key = StateKeys.key(keyCodec, row.key());
    byte[] stored = store.get(key);
    Object[] old =
        stored != null && forwardOld
            ? aggregation.output(row.key(), aggregation.decode(stored), null)
            : null;
    Object[] accumulators = stored == null ? aggregation.initial() : aggregation.decode(stored);
    accumulators = aggregation.add(accumulators, row.value(), context, record);
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
