package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableFilterOperatorTest {
  private static final RecordContext RECORD = new RecordContext("t", 0, 0);

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private TableFilterOperator filter;

  @BeforeEach
  void setUp() {
    Expr positive =
        new Expr.Operation(
            Operator.GREATER_THAN,
            List.of(
                new Expr.ColumnRef(0, "V", SqlType.INTEGER), new Expr.Literal(0, SqlType.INTEGER)),
            SqlType.BOOLEAN);
    filter =
        new TableFilterOperator(
            new SafeExpression(FunctionRegistry.builtIns(), positive, "the filter"), out);
    filter.init(context);
  }

  private void change(Integer newValue, Integer oldValue) {
    Object[] value = newValue == null ? null : new Object[] {newValue};
    Object[] old = oldValue == null ? null : new Object[] {oldValue};
    filter.process(new Row(new Object[] {"k"}, value, 1, null, old), RECORD);
  }

  @Test
  void matchingRowsPassWithTheirPreviousRowOnlyIfItMatchedToo() {
    change(1, null);
    change(2, 1);
    change(3, -1);

    assertEquals(
        List.of("[k] [1] was null @1", "[k] [2] was [1] @1", "[k] [3] was null @1"), out.rows);
  }

  @Test
  void aRowThatStopsMatchingBecomesADeleteAndNonMatchingChangesVanish() {
    change(-1, 1);
    change(-2, -1);
    change(null, -2);
    change(null, null);
    change(null, 5);

    assertEquals(List.of("[k] null was [1] @1", "[k] null was [5] @1"), out.rows);
    assertEquals(List.of(), context.errors);
  }
}
