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
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One type for the value and candidates of IN and for the elements of ARRAY and MAP constructors,
 * with ksqlDB's literal rules: literals become text, text becomes numbers, structs unite fields.
 */
class ListCoercionTest {
  private final TestSession session =
      new TestSession()
          .run(
              "CREATE STREAM T (I INT, S STRING, B BOOLEAN, AB ARRAY<BIGINT>,"
                  + " ST STRUCT<A BIGINT, B BIGINT>) WITH (kafka_topic='t', value_format='JSON');");

  private static final Expr.ColumnRef I = new Expr.ColumnRef(0, "I", SqlType.INTEGER);
  private static final Expr.ColumnRef S = new Expr.ColumnRef(1, "S", SqlType.STRING);
  private static final Expr.ColumnRef B = new Expr.ColumnRef(2, "B", SqlType.BOOLEAN);

  private PlanStep.StreamSelect select(String sql) {
    PlanStep sink = ((PlannedStatement.PersistentQuery) session.plan(sql)).plan();
    return assertInstanceOf(PlanStep.StreamSelect.class, sink.sources().get(0));
  }

  private List<Expr> in(String condition) {
    PlanStep.StreamSelect select =
        select("CREATE STREAM O AS SELECT * FROM T WHERE " + condition + ";");
    Expr.Operation in =
        assertInstanceOf(
            Expr.Operation.class,
            assertInstanceOf(PlanStep.StreamFilter.class, select.source()).predicate());
    assertEquals(Operator.IN, in.operator());
    return in.operands();
  }

  private Expr selected(String expression) {
    return select("CREATE STREAM O AS SELECT " + expression + " AS X FROM T;").values().get(0);
  }

  @Test
  void numberTextWidensTheListToANumberTypeThatHoldsIt() {
    assertEquals(
        List.of(
            new Expr.Cast(I, SqlType.BIGINT),
            new Expr.Literal(1L, SqlType.BIGINT),
            new Expr.Literal(2147483648L, SqlType.BIGINT)),
        in("I IN (1, '2147483648')"));
  }

  @Test
  void anyLiteralComparedWithTextIsItsText() {
    assertEquals(
        List.of(
            S,
            new Expr.Literal("true", SqlType.STRING),
            new Expr.Literal("10", SqlType.STRING),
            new Expr.Literal("10.30", SqlType.STRING)),
        in("S IN (true, 10, 10.30)"));
  }

  @Test
  void constructorsAreCoercedElementByElement() {
    SqlType bigints = new SqlType.Array(SqlType.BIGINT);
    List<Expr> operands = in("AB IN (ARRAY['3', NULL])");
    assertEquals(
        new Expr.ArrayOf(
            Arrays.asList(
                new Expr.Literal(3L, SqlType.BIGINT), new Expr.Literal(null, SqlType.BIGINT)),
            bigints),
        operands.get(1));
  }

  @Test
  void structsHaveTheUnionOfTheirFieldsComparedByExactName() {
    SqlType.Struct union =
        new SqlType.Struct(
            List.of(
                new SqlType.Field("A", SqlType.BIGINT),
                new SqlType.Field("B", SqlType.BIGINT),
                new SqlType.Field("a", SqlType.INTEGER)));
    List<Expr> operands = in("ST IN (STRUCT(A := '7'), STRUCT(`a` := 2))");
    // The column is cast to the union; the constructor is built in it directly.
    assertEquals(union, operands.get(0).type());
    assertEquals(
        new Expr.StructOf(
            Arrays.asList(
                new Expr.Literal(7L, SqlType.BIGINT),
                new Expr.Literal(null, SqlType.BIGINT),
                new Expr.Literal(null, SqlType.INTEGER)),
            union),
        operands.get(1));
  }

  @Test
  void arrayOfStructsWithDifferentFields() {
    Expr array = selected("ARRAY[STRUCT(X := I), STRUCT(Y := S, X := 5000000000)]");
    SqlType.Struct element =
        new SqlType.Struct(
            List.of(
                new SqlType.Field("X", SqlType.BIGINT), new SqlType.Field("Y", SqlType.STRING)));
    assertEquals(new SqlType.Array(element), array.type());
  }

  @Test
  void mapKeysAndValuesFollowTheFirstTypedEntry() {
    Expr map = selected("MAP(S := B, 10 := 'no')");
    assertEquals(
        new Expr.MapOf(
            List.of(S, new Expr.Literal("10", SqlType.STRING)),
            List.of(B, new Expr.Literal(false, SqlType.BOOLEAN)),
            new SqlType.Map(SqlType.STRING, SqlType.BOOLEAN)),
        map);
  }

  @Test
  void textThatIsNoNumberIsRejected() {
    PlanningException error = assertThrows(PlanningException.class, () -> in("I IN (1, 'x')"));
    assertEquals("line 1:51: invalid input syntax for type INTEGER: \"x\".", error.getMessage());
  }

  @Test
  void decimalTextKeepsItsDigits() {
    assertEquals(
        new Expr.Literal(new BigDecimal("10.1"), new SqlType.Decimal(11, 1)),
        in("I IN ('10.1')").get(1));
  }
}
