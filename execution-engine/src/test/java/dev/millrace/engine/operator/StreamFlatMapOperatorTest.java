package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.types.SqlType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamFlatMapOperatorTest {
  private static final RecordContext RECORD = new RecordContext("t", 0, 0);
  private static final SqlType INTS = new SqlType.Array(SqlType.INTEGER);

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private StreamFlatMapOperator flatMap;

  @BeforeEach
  void setUp() {
    flatMap =
        new StreamFlatMapOperator(
            List.of(call("EXPLODE", 0, SqlType.INTEGER), call("EXPLODE", 1, SqlType.INTEGER)), out);
    flatMap.init(context);
  }

  private static SafeExpression call(String function, int column, SqlType type) {
    Expr.FunctionCall call =
        new Expr.FunctionCall(
            function, List.of(new Expr.ColumnRef(column, "A" + column, INTS)), type);
    return new SafeExpression(FunctionRegistry.builtIns(), call, "column V" + column);
  }

  private void row(List<Integer> first, List<Integer> second) {
    flatMap.process(new Row(new Object[] {"k"}, new Object[] {first, second}, 7, null), RECORD);
  }

  @Test
  void eachRowGivesAsManyRowsAsItsLongestArrayWithNullsPastTheShorterOnesEnd() {
    row(List.of(1, 2, 3), List.of(10));

    assertEquals(
        List.of(
            "[k] [[1, 2, 3], [10], 1, 10] was null @7",
            "[k] [[1, 2, 3], [10], 2, null] was null @7",
            "[k] [[1, 2, 3], [10], 3, null] was null @7"),
        out.rows);
  }

  @Test
  void nullAndEmptyArraysGiveNoRows() {
    row(null, List.of());
    row(Arrays.asList(null, 5), null);

    assertEquals(
        List.of(
            "[k] [[null, 5], null, null, null] was null @7",
            "[k] [[null, 5], null, 5, null] was null @7"),
        out.rows);
    assertEquals(List.of(), context.errors);
  }

  @Test
  void aRowWithoutValueIsDroppedAndReported() {
    flatMap.process(new Row(new Object[] {"k"}, null, 7, null), RECORD);

    assertEquals(List.of(), out.rows);
    assertEquals(1, context.errors.size());
  }
}
