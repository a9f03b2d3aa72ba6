package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.types.SqlType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both inputs' operators of a foreign-key join over one fake task. Left rows are (NAME, FK); right
 * rows are (F1); the foreign key is the left row's second column.
 */
class ForeignKeyJoinOperatorTest {
  private static final RecordContext RECORD = new RecordContext("t", 0, 0);
  private static final RowCodec KEY = new RowCodec(List.of(SqlType.BIGINT));

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private final Map<Long, Object[]> leftRows = new HashMap<>();
  private final Map<Long, Object[]> rightRows = new HashMap<>();
  private Operator left;
  private Operator right;

  private void join(boolean leftJoin) {
    StoredTable leftStore =
        new StoredTable("L", KEY, new RowCodec(List.of(SqlType.STRING, SqlType.BIGINT)), true);
    StoredTable rightStore = new StoredTable("R", KEY, new RowCodec(List.of(SqlType.STRING)), true);
    ForeignKeyIndex index = new ForeignKeyIndex("I", KEY, KEY);
    SafeExpression foreignKey =
        new SafeExpression(
            FunctionRegistry.builtIns(),
            new Expr.ColumnRef(1, "FK", SqlType.BIGINT),
            "the join expression");
    left =
        new ForeignKeyLeftJoinOperator(
            leftStore,
            rightStore,
            index,
            foreignKey,
            new JoinedRows(true, 2, 1, leftJoin, false),
            out);
    right =
        new ForeignKeyRightJoinOperator(
            rightStore, leftStore, index, new JoinedRows(false, 2, 1, false, leftJoin), out);
    left.init(context);
    right.init(context);
  }

  private void left(long key, String name, Long foreignKey, long time) {
    Object[] value = name == null ? null : new Object[] {name, foreignKey};
    Object[] old = value == null ? leftRows.remove(key) : leftRows.put(key, value);
    left.process(new Row(new Object[] {key}, value, time, null, old), RECORD);
  }

  private void right(long key, String f1, long time) {
    Object[] value = f1 == null ? null : new Object[] {f1};
    Object[] old = value == null ? rightRows.remove(key) : rightRows.put(key, value);
    right.process(new Row(new Object[] {key}, value, time, null, old), RECORD);
  }

  @Test
  void innerJoinFollowsForeignKeyChangesAndRightChangesReachEveryReferencingRow() {
    join(false);
    right(0, "blah", 0);
    left(1, "zero", 0L, 10);
    left(5, "five", 100L, 11);
    left(10, "ten", 0L, 12);
    right(0, "a", 15);
    left(10, "ten", 100L, 16);
    right(0, null, 17);
    left(1, null, null, 18);

    assertEquals(
        List.of(
            "[1] [zero, 0, blah] was null @10",
            "[10] [ten, 0, blah] was null @12",
            "[1] [zero, 0, a] was [zero, 0, blah] @15",
            "[10] [ten, 0, a] was [ten, 0, blah] @15",
            "[10] null was [ten, 0, a] @16",
            "[1] null was [zero, 0, a] @17",
            "[1] null was null @18"),
        out.rows);
  }

  @Test
  void leftJoinKeepsLeftRowsWithoutAMatchAndDeletesOnlyDeletedLeftRows() {
    join(true);
    left(1, "zero", 0L, 0);
    right(0, "blah", 10);
    left(1, "zero", 7L, 11);
    right(0, "a", 12);
    left(2, "two", null, 13);
    left(2, null, null, 14);

    assertEquals(
        List.of(
            "[1] [zero, 0, null] was null @0",
            "[1] [zero, 0, blah] was [zero, 0, null] @10",
            "[1] [zero, 7, null] was [zero, 0, blah] @11",
            "[2] [two, null, null] was null @13",
            "[2] null was [two, null, null] @14"),
        out.rows);
  }
}
