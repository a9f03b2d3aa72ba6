package dev.millrace.engine.operator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ksqlDB's record cache, after an aggregation: the updates of one key (and window) between two
 * commits coalesce into one row, with the latest value and the value the key had before the first
 * of them. Rows are forwarded when the task commits ({@link #flush}), or at once when the query's
 * {@link RecordCacheBudget} is used up, in the order their keys were last updated. With no budget
 * (the default, and what ksqlDB's own tests use) every update passes straight through.
 */
final class RecordCache implements Operator {
  private final Operator downstream;
  private final Map<Slot, Held> held = new LinkedHashMap<>();
  private ProcessingContext context;
  private RecordCacheBudget budget = RecordCacheBudget.NONE;
  private long heldBytes;

  RecordCache(Operator downstream) {
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessingContext context) {
    this.context = context;
    this.budget = context.recordCache();
  }

  @Override
  public void process(Row row, RecordContext record) {
    if (!budget.enabled()) {
      downstream.process(row, record);
      return;
    }
    Slot slot = new Slot(Arrays.asList(row.key()), row.window());
    // Removed and put back, so that the key moves to the end of the forwarding order.
    Held before = held.remove(slot);
    Row merged = before == null ? row : row.withValues(row.value(), before.row().oldValue());
    long bytes = estimatedBytes(merged);
    held.put(slot, new Held(merged, record, bytes));
    long grown = bytes - (before == null ? 0 : before.bytes());
    heldBytes += grown;
    if (!budget.hold(grown)) {
      flush();
    }
  }

  @Override
  public void flush() {
    if (held.isEmpty()) {
      return;
    }
    List<Held> rows = List.copyOf(held.values());
    held.clear();
    budget.release(heldBytes);
    heldBytes = 0;
    // Even a key created and deleted between two commits is forwarded (as a delete): without old
    // values (when nothing downstream needs them) a delete cannot tell whether the key existed.
    for (Held entry : rows) {
      Pipeline.guarded(
          context, entry.record(), () -> downstream.process(entry.row(), entry.record()));
    }
  }

  @Override
  public void close() {
    held.clear();
    budget.release(heldBytes);
    heldBytes = 0;
  }

  /** A rough size: a fixed overhead per row and column, plus the characters of strings. */
  private static long estimatedBytes(Row row) {
    return 64 + columnBytes(row.key()) + columnBytes(row.value()) + columnBytes(row.oldValue());
  }

  private static long columnBytes(Object[] columns) {
    if (columns == null) {
      return 0;
    }
    long bytes = 16L * columns.length;
    for (Object column : columns) {
      if (column instanceof String text) {
        bytes += text.length();
      }
    }
    return bytes;
  }

  private record Slot(List<Object> key, Window window) {}

  private record Held(Row row, RecordContext record, long bytes) {}
}
