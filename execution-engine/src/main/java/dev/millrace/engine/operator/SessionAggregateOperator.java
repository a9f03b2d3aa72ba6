package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates a grouped stream per SESSION window: a row joins every session of its key that ends no
 * more than the gap before it or starts no more than the gap after it, merging them into one
 * session from the earliest start to the latest event. Merged-away sessions are forwarded as
 * deletes, then the new session (its time is its end, as in Kafka Streams). A session ending before
 * the observed stream time minus grace and gap is closed: rows that would land in it are dropped.
 */
final class SessionAggregateOperator implements Operator {
  private final String storeName;
  private final RowCodec keyCodec;
  private final Aggregation aggregation;
  private final WindowPolicy policy;
  private final WindowStoreClock clock;
  private final boolean forwardOld;
  private final Operator downstream;
  private ProcessingContext context;
  private KeyValueStore store;

  SessionAggregateOperator(
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
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (row.value() == null) {
      DroppedRecords.noValue(context, record, "the aggregation");
      return;
    }
    long time = row.timestamp();
    long closeTime = clock.advance(time) - policy.graceMs() - policy.sizeMs();
    byte[] group = keyCodec.encode(row.key());
    List<Session> merged = overlapping(group, time);
    long start = time;
    long end = time;
    for (Session session : merged) {
      start = Math.min(start, session.window().start());
      end = Math.max(end, session.window().end());
    }
    if (end < closeTime) {
      return;
    }
    Object[] accumulators = aggregation.initial();
    for (Session session : merged) {
      accumulators = aggregation.merge(accumulators, aggregation.decode(session.value()));
    }
    accumulators = aggregation.add(accumulators, row.value(), context, record);
    if (accumulators == null) {
      return;
    }
    for (Session session : merged) {
      store.delete(session.key());
      Object[] old =
          forwardOld
              ? aggregation.output(row.key(), aggregation.decode(session.value()), session.window())
              : null;
      downstream.process(
          new Row(row.key(), null, session.window().end(), session.window(), old), record);
    }
    Window window = new Window(start, end);
    store.put(StateKeys.windowKey(group, start, end), aggregation.encode(end, accumulators));
    downstream.process(
        new Row(row.key(), aggregation.output(row.key(), accumulators, window), end, window),
        record);
    clock.sweepIfDue();
  }

  private List<Session> overlapping(byte[] group, long time) {
    byte[] prefix = StateKeys.key(group);
    List<Session> sessions = new ArrayList<>();
    store.range(
        prefix,
        StateKeys.after(prefix),
        (key, value) -> {
          Window window = StateKeys.window(key);
          if (!clock.expired(window.end())
              && window.end() >= time - policy.sizeMs()
              && window.start() <= time + policy.sizeMs()) {
            sessions.add(new Session(key, window, value));
          }
        });
    return sessions;
  }

  private record Session(byte[] key, Window window, byte[] value) {}
}
