package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * Aggregates a grouped stream per TUMBLING or HOPPING window. Each row updates every window that
 * contains its time, oldest first; a window whose end is at or before the observed stream time
 * minus the grace period is closed, and rows for it are dropped. Each updated window is forwarded
 * with its bounds as {@link Row#window()} and WINDOWSTART/WINDOWEND at the end of the value.
 */
final class TimeWindowAggregateOperator implements Operator {
  private final String storeName;
  private final RowCodec keyCodec;
  private final Aggregation aggregation;
  private final WindowPolicy policy;
  private final WindowStoreClock clock;
  private final boolean forwardOld;
  private final Operator downstream;
  private ProcessingContext context;
  private KeyValueStore store;
  private NewWindows newWindows;

  TimeWindowAggregateOperator(
      String storeName,
      RowCodec keyCodec,
      Aggregation aggregation,
      WindowPolicy policy,
      boolean forwardOld,
      Operator downstream) {
    this.storeName = storeName;
    this.keyCodec = keyCodec;
    this.aggregation = aggregation;
    this.policy = policy;
    this.clock = new WindowStoreClock(policy);
    this.forwardOld = forwardOld;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
    this.store = context.store(storeName);
    clock.init(store);
    newWindows = new NewWindows(clock.observed());
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (row.value() == null) {
      DroppedRecords.noValue(context, record, "the aggregation");
      return;
    }
    long closeTime = clock.advance(row.timestamp()) - policy.graceMs();
    byte[] group = keyCodec.encode(row.key());
    long start =
        Math.max(0, row.timestamp() - policy.sizeMs() + policy.advanceMs())
            / policy.advanceMs()
            * policy.advanceMs();
    for (; start <= row.timestamp(); start += policy.advanceMs()) {
      long end = start + policy.sizeMs();
      if (end > closeTime) {
        update(row, record, group, new Window(start, end));
      }
    }
    clock.sweepIfDue();
  }

  private void update(Row row, RecordContext record, byte[] group, Window window) {
    byte[] key = StateKeys.windowKey(group, window.start(), window.end());
    byte[] stored = newWindows.isNew(group, window.start()) ? null : store.get(key);
    Object[] old =
        stored != null && forwardOld
            ? aggregation.output(row.key(), aggregation.decode(stored), window)
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
    newWindows.written(group, window.start());
    store.put(key, aggregation.encode(timestamp, accumulators));
    downstream.process(
        new Row(
            row.key(), aggregation.output(row.key(), accumulators, window), timestamp, window, old),
        record);
  }
}
