package dev.millrace.engine.operator;

import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.JoinWindow;
import java.nio.ByteBuffer;

/**
 * One side of a stream-stream join, as Kafka Streams joins two KStreams. A task has one instance
 * per side; both share the join's store ({@link JoinBuffer}) and forward to the same downstream
 * operator. A row is buffered under its key, then joined with the other side's buffered rows of the
 * same key whose times fall within the window; each result has the later of the two times.
 *
 * <p>A row of an outer side that finds no match is emitted with nulls for the other side. Without a
 * GRACE PERIOD that happens at once (ksqlDB's older semantics, which may emit a null-joined row and
 * later the joined one). With a GRACE PERIOD the row waits in the store until a match arrives or
 * its window closes (stream time passes its time plus the window's far bound plus the grace),
 * unless it arrives so late that its window is already past. Each side's rows are kept for the
 * window plus the grace after that side's observed stream time, and then swept away, so state does
 * not grow with time. Rows with a null key column or no value match nothing and are dropped.
 */
final class StreamStreamJoinOperator implements Operator {
  private final String storeName;
  private final JoinSide side;
  private final JoinType type;
  private final JoinWindow window;
  private final RowCodec keyCodec;
  private final RowCodec leftCodec;
  private final RowCodec rightCodec;
  private final int leftWidth;
  private final int rightWidth;
  private final Operator downstream;
  private JoinBuffer buffer;

  /**
   * This side's observed stream time; the other side's is read from the store, where its operator
   * keeps it.
   */
  private long observed;

  private long nextSweep = Long.MIN_VALUE;

  StreamStreamJoinOperator(
      String storeName,
      JoinSide side,
      JoinType type,
      JoinWindow window,
      RowCodec keyCodec,
      RowCodec leftCodec,
      int leftWidth,
      RowCodec rightCodec,
      int rightWidth,
      Operator downstream) {
    this.storeName = storeName;
    this.side = side;
    this.type = type;
    this.window = window;
    this.keyCodec = keyCodec;
    this.leftCodec = leftCodec;
    this.rightCodec = rightCodec;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    buffer = new JoinBuffer(context.store(storeName));
    observed = buffer.observed(side);
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (row.value() == null || hasNullKey(row)) {
      return;
    }
    byte[] key = encodeKey(row);
    long time = row.timestamp();
    observe(time);
    if (time >= oldestKept(observed)) {
      buffer.add(side, key, time, codec(side).encode(row.value()));
    }
    long otherObserved = buffer.observed(side.other());
    long streamTime = Math.max(observed, otherObserved);
    if (window.hasGrace() && time == streamTime) {
      emitClosed(streamTime, record);
    }
    long from = Math.max(Math.max(0, time - lookBack(side)), oldestKept(otherObserved));
    long to = time + lookAhead(side);
    boolean matched = false;
    for (JoinBuffer.Entry match : buffer.find(side.other(), key, from, to)) {
      matched = true;
      if (window.hasGrace() && isOuter(side.other())) {
        buffer.dropPending(side.other(), key, match.time());
      }
      Object[] other = codec(side.other()).decode(match.value());
      Object[] joined =
          side == JoinSide.LEFT ? joined(row.value(), other) : joined(other, row.value());
      downstream.process(
          new Row(row.key(), joined, Math.max(time, match.time()), row.window()), record);
    }
    if (!matched && isOuter(side)) {
      if (!window.hasGrace() || to < streamTime) {
        downstream.process(
            new Row(row.key(), nullJoined(side, row.value()), time, row.window()), record);
      } else {
        buffer.addPending(side, key, time, codec(side).encode(row.value()));
      }
    }
    sweepIfDue();
  }

  private void observe(long time) {
    if (time > observed) {
      observed = time;
      buffer.saveObserved(side, time);
    }
  }

  /** The oldest row time still kept on a side whose observed stream time is {@code seen}. */
  private long oldestKept(long seen) {
    return seen == Long.MIN_VALUE ? Long.MIN_VALUE : seen - window.retentionMs() + 1;
  }

  /** How far before a row of {@code s} the other side's matches may be. */
  private long lookBack(JoinSide s) {
    return s == JoinSide.LEFT ? window.beforeMs() : window.afterMs();
  }

  /** How far after a row of {@code s} the other side's matches may be. */
  private long lookAhead(JoinSide s) {
    return s == JoinSide.LEFT ? window.afterMs() : window.beforeMs();
  }

  private boolean isOuter(JoinSide s) {
    return type == JoinType.OUTER
        || (s == JoinSide.LEFT ? type == JoinType.LEFT : type == JoinType.RIGHT);
  }

  /**
   * Emits, with nulls for the other side, the pending rows whose window has closed by {@code
   * streamTime}.
   */
  private void emitClosed(long streamTime, RecordContext record) {
    long grace = window.graceMs();
    long bound = streamTime - grace - Math.min(window.beforeMs(), window.afterMs());
    for (JoinBuffer.Pending pending : buffer.pendingBefore(bound)) {
      if (pending.time() + lookAhead(pending.side()) + grace < streamTime) {
        Object[] value = codec(pending.side()).decode(pending.value());
        ByteBuffer key = ByteBuffer.wrap(pending.key());
        Object[] keyColumns = keyCodec.decodeFrom(key);
        Window keyWindow = key.hasRemaining() ? new Window(key.getLong(), key.getLong()) : null;
        buffer.deletePending(pending);
        downstream.process(
            new Row(keyColumns, nullJoined(pending.side(), value), pending.time(), keyWindow),
            record);
      }
    }
  }

  private void sweepIfDue() {
    if (observed < nextSweep) {
      return;
    }
    buffer.expire(side, oldestKept(observed));
    nextSweep = observed + Math.max(window.retentionMs() / 2, 1000);
  }

  private RowCodec codec(JoinSide s) {
    return s == JoinSide.LEFT ? leftCodec : rightCodec;
  }

  private Object[] joined(Object[] left, Object[] right) {
    Object[] joined = new Object[leftWidth + rightWidth];
    System.arraycopy(left, 0, joined, 0, leftWidth);
    System.arraycopy(right, 0, joined, leftWidth, rightWidth);
    return joined;
  }

  private Object[] nullJoined(JoinSide s, Object[] value) {
    Object[] joined = new Object[leftWidth + rightWidth];
    System.arraycopy(value, 0, joined, s == JoinSide.LEFT ? 0 : leftWidth, value.length);
    return joined;
  }

  private byte[] encodeKey(Row row) {
    byte[] columns = keyCodec.encode(row.key());
    if (row.window() == null) {
      return columns;
    }
    return ByteBuffer.allocate(columns.length + 16)
        .put(columns)
        .putLong(row.window().start())
        .putLong(row.window().end())
        .array();
  }

  private static boolean hasNullKey(Row row) {
    for (Object column : row.key()) {
      if (column == null) {
        return true;
      }
    }
    return false;
  }
}
