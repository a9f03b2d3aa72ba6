package dev.millrace.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.SqlType;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.TestSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text where a DATE, TIME or TIMESTAMP is expected (compared with one, in BETWEEN, as a function
 * argument) becomes a literal in the engine's form; a DATE compared with a TIMESTAMP is widened.
 */
class TemporalTextTest {
  private final TestSession session =
      new TestSession()
          .run(
              "CREATE STREAM T (ID STRING KEY, D DATE, TM TIME, TS TIMESTAMP)"
                  + " WITH (kafka_topic='t', value_format='JSON');");

  private static final Expr.ColumnRef D = new Expr.ColumnRef(0, "D", SqlType.DATE);
  private static final Expr.ColumnRef TM = new Expr.ColumnRef(1, "TM", SqlType.TIME);
  private static final Expr.ColumnRef TS = new Expr.ColumnRef(2, "TS", SqlType.TIMESTAMP);

  private PlanStep.StreamSelect select(String sql) {
    PlanStep sink = ((PlannedStatement.PersistentQuery) session.plan(sql)).plan();
    return assertInstanceOf(PlanStep.StreamSelect.class, sink.sources().get(0));
  }

  private Expr where(String condition) {
    PlanStep.StreamSelect select =
        select("CREATE STREAM O AS SELECT * FROM T WHERE " + condition + ";");
    return assertInstanceOf(PlanStep.StreamFilter.class, select.source()).predicate();
  }

  private static Expr.Operation op(Operator operator, Expr... operands) {
    return new Expr.Operation(operator, List.of(operands), SqlType.BOOLEAN);
  }

  @Test
  void dateTextIsADaysSinceTheEpochLiteral() {
    assertEquals(
        op(Operator.EQUAL, D, new Expr.Literal(10, SqlType.DATE)), where("D = '1970-01-11'"));
  }

  @Test
  void timeTextKeepsItsMilliseconds() {
    assertEquals(
        op(Operator.GREATER_THAN, TM, new Expr.Literal(10L, SqlType.TIME)),
        where("TM > '00:00:00.010'"));
  }

  @Test
  void timestampTextMayLeaveOutTheTime() {
    assertEquals(
        op(Operator.LESS_THAN, new Expr.Literal(86_400_000L, SqlType.TIMESTAMP), TS),
        where("'1970-01-02' < TS"));
  }

  @Test
  void betweenReadsBothBoundsAsDates() {
    assertEquals(
        new Expr.Operation(
            Operator.BETWEEN,
            List.of(D, new Expr.Literal(3, SqlType.DATE), new Expr.Literal(9, SqlType.DATE)),
            SqlType.BOOLEAN),
        where("D BETWEEN '1970-01-04' AND '1970-01-10'"));
  }

  @Test
  void aDateComparedWithATimestampIsItsMidnight() {
    assertEquals(
        op(Operator.GREATER_THAN, new Expr.Cast(D, SqlType.TIMESTAMP), TS), where("D > TS"));
  }

  @Test
  void functionArgumentTextIsReadAsTheParameterType() {
    PlanStep.StreamSelect select =
        select("CREATE STREAM O AS SELECT ID, GREATEST(D, '2022-06-14') AS G FROM T;");
    Expr.FunctionCall call = assertInstanceOf(Expr.FunctionCall.class, select.values().get(0));
    assertEquals(List.of(D, new Expr.Literal(19157, SqlType.DATE)), call.arguments());
  }

  @Test
  void textThatIsNoDateIsRejectedWhereItIsWritten() {
    PlanningException error = assertThrows(PlanningException.class, () -> where("D = 'soon'"));
    assertEquals("line 1:46: invalid input syntax for type DATE: \"soon\".", error.getMessage());
  }
}
