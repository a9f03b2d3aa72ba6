package dev.millrace.engine.operator;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.state.KeyValueStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * EMIT FINAL over a windowed aggregation: holds each window's latest row in its store until the
 * window closes, then forwards it once. Stream time is the largest row time seen (kept in the
 * store, so that a restored task closes windows as the old one would have). A TUMBLING or HOPPING
 * window closes when stream time reaches its end plus grace; a SESSION when stream time passes its
 * end plus gap plus grace, the point after which the aggregation no longer extends it.
 *
 * <p>Buffer keys are 1, the window end, the group key, then the window start, so that the closed
 * windows are one range scan from the start of the buffer. A deleted session (merged into another)
 * leaves the buffer. As in ksqlDB, a time window is only kept for the aggregation's retention,
 * counted from the start of the newest window: a window that stream time leaps past by more than
 * that is dropped without a row.
 */
final class SuppressOperator implements Operator {
  private final String storeName;
  private final WindowPolicy policy;
  private final RowCodec keyCodec;
  private final TimestampedCodec values;
  private final Operator downstream;
  private KeyValueStore store;
  private long observed = Long.MIN_VALUE;

  SuppressOperator(
      String storeName,
      WindowPolicy policy,
      RowCodec keyCodec,
      TimestampedCodec values,
      Operator downstream) {
    this.storeName = storeName;
    this.policy = policy;
    this.keyCodec = keyCodec;
    this.values = values;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.store = context.store(storeName);
    byte[] saved = store.get(StateKeys.STREAM_TIME);
    observed = saved == null ? Long.MIN_VALUE : StateKeys.decodeTime(saved);
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (row.timestamp() > observed) {
      observed = row.timestamp();
      store.put(StateKeys.STREAM_TIME, StateKeys.encodeTime(observed));
    }
    byte[] key = bufferKey(row.key(), row.window());
    if (row.value() == null) {
      store.delete(key);
    } else {
      store.put(key, values.encode(row.timestamp(), row.value()));
    }
    emitClosed(record);
  }

  /** Forwards and forgets the buffered windows that have closed, by end. */
  private void emitClosed(RecordContext record) {
    long lastClosedEnd =
        policy.type() == WindowInfo.Type.SESSION
            ? observed - policy.graceMs() - policy.sizeMs() - 1
            : observed - policy.graceMs();
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> rows = new ArrayList<>();
    store.range(
        new byte[] {1},
        endPrefix(lastClosedEnd + 1),
        (key, value) -> {
          keys.add(key);
          rows.add(value);
        });
    for (int i = 0; i < keys.size(); i++) {
      byte[] key = keys.get(i);
      store.delete(key);
      Window window = window(key);
      if (retained(window)) {
        byte[] stored = rows.get(i);
        Object[] group = keyCodec.decodeFrom(ByteBuffer.wrap(key, 9, key.length - 17));
        downstream.process(
            new Row(group, values.values(stored), TimestampedCodec.timestamp(stored), window),
            record);
      }
    }
  }

  /**
   * Whether the aggregation still keeps the window: a time window while its start is within the
   * retention of the start of the newest window; a session always (sessions close only after the
   * aggregation can no longer change them).
   */
  private boolean retained(Window window) {
    if (policy.type() == WindowInfo.Type.SESSION) {
      return true;
    }
    long newestStart = Math.floorDiv(observed, policy.advanceMs()) * policy.advanceMs();
    return window.start() >= newestStart - policy.retentionMs();
  }

  private byte[] bufferKey(Object[] groupKey, Window window) {
    byte[] group = keyCodec.encode(groupKey);
    return ByteBuffer.allocate(group.length + 17)
        .put((byte) 1)
        .putLong(window.end() ^ Long.MIN_VALUE)
        .put(group)
        .putLong(window.start() ^ Long.MIN_VALUE)
        .array();
  }

  private static byte[] endPrefix(long end) {
    return ByteBuffer.allocate(9).put((byte) 1).putLong(end ^ Long.MIN_VALUE).array();
  }

  private static Window window(byte[] key) {
    long end = ByteBuffer.wrap(key, 1, 8).getLong() ^ Long.MIN_VALUE;
    long start = ByteBuffer.wrap(key, key.length - 8, 8).getLong() ^ Long.MIN_VALUE;
    return new Window(start, end);
  }
}
