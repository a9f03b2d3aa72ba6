package dev.millrace.server.service;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's end of a running query: it buffers rows and hands them to the {@link
 * QuerySubscriber} only as fast as the subscriber asks for them.
 *
 * <p>The engine calls {@link #start}, then {@link #offer} for each row, then {@link #end} or {@link
 * #fail}. {@code offer} never blocks and never drops a row; when it returns false the buffer holds
 * {@code capacity} rows or more and the engine should stop fetching input (for example pause its
 * consumer) until {@link #hasCapacity()} is true again. This class takes care of the subscriber
 * contract: demand, serial callbacks, and silence after cancellation.
 */
public final class QueryOutput implements QuerySubscription {

  private final QuerySubscriber subscriber;
  private final int capacity;
  private final Runnable onCancel;
  private final Queue<List<Object>> rows = new ConcurrentLinkedQueue<>();
  private final AtomicInteger buffered = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger drainers = new AtomicInteger();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile Runnable terminal;
  private boolean terminalDelivered;

  /**
   * @param capacity how many undelivered rows make {@link #hasCapacity()} false
   * @param onCancel run once when the subscriber cancels, to stop the query's input
   */
  public QueryOutput(QuerySubscriber subscriber, int capacity, Runnable onCancel) {
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.onCancel = Objects.requireNonNull(onCancel, "onCancel");
  }

  /** Announces the result schema; call once, before the first {@link #offer}. */
  public void start(QueryHeader header) {
    subscriber.onStart(header, this);
  }

  /**
   * Queues one row for delivery.
   *
   * @return whether there is room for more rows; false asks the engine to pause its input
   */
  public boolean offer(List<Object> row) {
    if (!cancelled.get()) {
      rows.add(row);
      buffered.incrementAndGet();
      drain();
    }
    return hasCapacity();
  }

  /** Whether fewer than {@code capacity} rows wait for delivery. */
  public boolean hasCapacity() {
    return buffered.get() < capacity;
  }

  /** Ends the query normally once the queued rows are delivered. */
  public void end(QueryEnd end) {
    finish(() -> subscriber.onEnd(end));
  }

  /** Ends the query with an error once the queued rows are delivered. */
  public void fail(EngineException error) {
    finish(() -> subscriber.onError(error));
  }

  /** Whether the subscriber cancelled; the engine stops producing rows when it has. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("demand must be positive: " + n);
    }
    demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    drain();
  }

  @Override
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      rows.clear();
      buffered.set(0);
      onCancel.run();
    }
  }

  private void finish(Runnable delivery) {
    if (terminal == null) {
      terminal = delivery;
      drain();
    }
  }

  /**
   * Delivers what demand allows. Only one thread delivers at a time; a call that arrives while
   * another thread (or a callback of this one) is delivering leaves the work to it.
   */
  private void drain() {
    if (drainers.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      deliverRows();
      deliverTerminal();
      missed = drainers.addAndGet(-missed);
    } while (missed != 0);
  }

  private void deliverRows() {
    while (!cancelled.get() && demand.get() > 0) {
      List<Object> row = rows.poll();
      if (row == null) {
        return;
      }
      buffered.decrementAndGet();
      demand.decrementAndGet();
      subscriber.onRow(row);
    }
  }

  private void deliverTerminal() {
    if (!terminalDelivered && terminal != null && rows.isEmpty() && !cancelled.get()) {
      terminalDelivered = true;
      terminal.run();
    }
  }
}
