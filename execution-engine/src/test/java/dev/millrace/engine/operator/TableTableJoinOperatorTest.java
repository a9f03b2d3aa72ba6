package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both inputs' operators of a primary-key join, over one fake task: each input's rows are stored by
 * its operator.
 */
class TableTableJoinOperatorTest {
  private static final RecordContext RECORD = new RecordContext("t", 0, 0);
  private static final RowCodec KEY = new RowCodec(List.of(SqlType.BIGINT));
  private static final RowCodec VALUE = new RowCodec(List.of(SqlType.STRING));

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private Operator left;
  private Operator right;
  private final TableChanges leftChanges = new TableChanges();
  private final TableChanges rightChanges = new TableChanges();

  /** Feeds each input's changes with the key's previous value, as a table source does. */
  private static final class TableChanges {
    private final java.util.Map<Long, String> rows = new java.util.HashMap<>();

    Row change(long key, String value, long time) {
      String old = value == null ? rows.remove(key) : rows.put(key, value);
      return new Row(
          new Object[] {key},
          value == null ? null : new Object[] {value},
          time,
          null,
          old == null ? null : new Object[] {old});
    }
  }

  private void join(boolean keepLeft, boolean keepRight) {
    left =
        new TableTableJoinOperator(
            stored("L"), stored("R"), new JoinedRows(true, 1, 1, keepLeft, keepRight), out);
    right =
        new TableTableJoinOperator(
            stored("R"), stored("L"), new JoinedRows(false, 1, 1, keepRight, keepLeft), out);
    left.init(context);
    right.init(context);
  }

  private static StoredTable stored(String store) {
    return new StoredTable(store, KEY, VALUE, true);
  }

  private void left(long key, String value, long time) {
    left.process(leftChanges.change(key, value, time), RECORD);
  }

  private void right(long key, String value, long time) {
    right.process(rightChanges.change(key, value, time), RECORD);
  }

  @Test
  void innerJoinEmitsOnlyMatchesAndDeletesAKeyWhoseMatchGoes() {
    join(false, false);
    left(1, "a", 10);
    right(1, "x", 20);
    left(1, "b", 15);
    right(2, "y", 30);
    right(1, null, 40);
    left(1, null, 50);

    assertEquals(
        List.of("[1] [a, x] was null @20", "[1] [b, x] was [a, x] @20", "[1] null was [b, x] @40"),
        out.rows);
  }

  @Test
  void leftJoinKeepsLeftRowsAndLosesTheRightColumnsWhenTheRightRowGoes() {
    join(true, false);
    left(1, "a", 10);
    right(1, "x", 20);
    right(1, null, 30);
    right(2, "y", 40);
    left(1, null, 50);
    left(1, null, 60);

    assertEquals(
        List.of(
            "[1] [a, null] was null @10",
            "[1] [a, x] was [a, null] @20",
            "[1] [a, null] was [a, x] @30",
            "[1] null was [a, null] @50"),
        out.rows);
  }

  @Test
  void rightJoinKeepsRightRows() {
    join(false, true);
    left(1, "a", 10);
    right(1, "x", 20);
    left(1, null, 30);

    assertEquals(List.of("[1] [a, x] was null @20", "[1] [null, x] was [a, x] @30"), out.rows);
  }

  @Test
  void fullOuterJoinKeepsEitherSideAndDeletesWhenBothAreGone() {
    join(true, true);
    right(7, "x", 10);
    left(7, "a", 5);
    right(7, null, 20);
    left(7, null, 30);

    assertEquals(
        List.of(
            "[7] [null, x] was null @10",
            "[7] [a, x] was [null, x] @10",
            "[7] [a, null] was [a, x] @20",
            "[7] null was [a, null] @30"),
        out.rows);
  }
}
