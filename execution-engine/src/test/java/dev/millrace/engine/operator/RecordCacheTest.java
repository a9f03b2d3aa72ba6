package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCacheTest {
  private static final RecordContext RECORD = new RecordContext("t", 0, 0);

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private final RecordCache cache = new RecordCache(out);

  private void start(long budgetBytes) {
    context.recordCache = new RecordCacheBudget(budgetBytes);
    cache.init(context);
  }

  private void change(String key, Long value, Long old, long time) {
    change(key, value, old, time, null);
  }

  private void change(String key, Long value, Long old, long time, Window window) {
    cache.process(
        new Row(
            new Object[] {key},
            value == null ? null : new Object[] {value},
            time,
            window,
            old == null ? null : new Object[] {old}),
        RECORD);
  }

  @Test
  void withoutABudgetEveryUpdatePassesAtOnce() {
    cache.init(context);
    change("a", 1L, null, 10);
    change("a", 2L, 1L, 20);

    assertEquals(List.of("[a] [1] was null @10", "[a] [2] was [1] @20"), out.rows);
  }

  @Test
  void updatesOfOneKeyCoalesceUntilTheFlushInTheOrderKeysWereLastUpdated() {
    start(1_000_000);
    change("a", 1L, null, 10);
    change("b", 5L, 4L, 15);
    change("a", 2L, 1L, 20);
    change("a", 3L, 2L, 30);
    assertEquals(List.of(), out.rows);

    cache.flush();
    assertEquals(List.of("[b] [5] was [4] @15", "[a] [3] was null @30"), out.rows);

    change("a", 4L, 3L, 40);
    cache.flush();
    cache.flush();
    assertEquals("[a] [4] was [3] @40", out.rows.get(2));
    assertEquals(3, out.rows.size());
  }

  @Test
  void eachWindowOfAKeyIsItsOwnRow() {
    start(1_000_000);
    change("a", 1L, null, 10, new Window(0, 100));
    change("a", 1L, null, 110, new Window(100, 200));
    change("a", 2L, 1L, 20, new Window(0, 100));
    cache.flush();

    assertEquals(List.of("[a] [1] was null @110", "[a] [2] was null @20"), out.rows);
  }

  @Test
  void aDeleteIsForwardedEvenForAKeyCreatedSinceTheLastFlush() {
    start(1_000_000);
    change("a", 1L, null, 10);
    change("a", null, 1L, 20);
    change("b", 7L, 6L, 30);
    change("b", null, 7L, 40);
    cache.flush();

    assertEquals(List.of("[a] null was null @20", "[b] null was [6] @40"), out.rows);
  }

  @Test
  void aFullBudgetForwardsWhatIsHeldAtOnce() {
    // Each one-column row of a one-letter key is estimated at 64 + 17 + 16 = 97 bytes.
    start(200);
    change("a", 1L, null, 10);
    change("b", 1L, null, 11);
    assertEquals(List.of(), out.rows);

    change("c", 1L, null, 12);
    assertEquals(
        List.of("[a] [1] was null @10", "[b] [1] was null @11", "[c] [1] was null @12"), out.rows);

    change("a", 2L, 1L, 13);
    assertEquals(3, out.rows.size());
  }
}
