package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A grouped stream folded into one row per key, and a row an aggregate fails on. */
class AggregateOperatorTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();
  private static final SqlType.Decimal MONEY = new SqlType.Decimal(4, 1);

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private AggregateOperator operator;

  @BeforeEach
  void setUp() {
    Expr amount = new Expr.ColumnRef(0, "AMOUNT", MONEY);
    Aggregation aggregation =
        new Aggregation(
            List.of(
                FUNCTIONS.resolveAggregate("COUNT", List.of(), List.of()).aggregator(),
                FUNCTIONS.resolveAggregate("SUM", List.of(MONEY), List.of()).aggregator()),
            List.of(List.of(), List.of(new SafeExpression(FUNCTIONS, amount, "the sum"))));
    operator =
        new AggregateOperator(
            "store",
            RowCodec.of(List.of(new Column("K", SqlType.STRING))),
            aggregation,
            false,
            out);
    operator.init(context);
  }

  private void add(String amount, long offset) {
    operator.process(
        new Row(new Object[] {"k"}, new Object[] {new BigDecimal(amount)}, 1, null),
        new RecordContext("t", 0, offset));
  }

  @Test
  void aRowAnAggregateFailsOnIsSkippedWholeAndReported() {
    add("500.9", 0);
    add("600.8", 1);
    add("300.8", 2);

    // 500.9 + 600.8 does not fit DECIMAL(4, 1): neither the count nor the sum takes that row in,
    // and no update with a sum that leaves it out is emitted.
    assertEquals(
        List.of("[k] [k, 1, 500.9] was null @1", "[k] [k, 2, 801.7] was null @1"), out.rows);
    assertEquals(1, context.errors.size());
    assertEquals(ProcessingError.Kind.PROCESSING, context.errors.get(0).kind());
    assertEquals(1, context.errors.get(0).offset());
  }
}
