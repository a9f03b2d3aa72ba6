package dev.millrace.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
  private static final SqlType.Decimal DEC_4_2 = new SqlType.Decimal(4, 2);

  private final List<EvaluationException> errors = new ArrayList<>();
  private final ExpressionCompiler compiler =
      new ExpressionCompiler(FunctionRegistry.builtIns(), errors::add);

  private Object eval(Expr expr, Object... row) {
    return compiler.compile(expr).evaluate(row);
  }

  private static Expr lit(Object value, SqlType type) {
    return new Expr.Literal(value, type);
  }

  private static Expr col(int index, SqlType type) {
    return new Expr.ColumnRef(index, "C" + index, type);
  }

  private static Expr op(Operator op, SqlType type, Expr... operands) {
    return new Expr.Operation(op, List.of(operands), type);
  }

  private static Expr call(String name, SqlType type, Expr... args) {
    return new Expr.FunctionCall(name, List.of(args), type);
  }

  @Test
  void integerArithmeticWrapsOnOverflow() {
    Expr sum = op(Operator.ADD, SqlType.INTEGER, col(0, SqlType.INTEGER), lit(1, SqlType.INTEGER));
    assertEquals(Integer.MIN_VALUE, eval(sum, Integer.MAX_VALUE));
    assertNull(eval(sum, (Object) null));
  }

  @Test
  void integerDivisionByZeroFailsAndDoubleDivisionGivesInfinity() {
    Expr div =
        op(Operator.DIVIDE, SqlType.INTEGER, col(0, SqlType.INTEGER), lit(0, SqlType.INTEGER));
    assertThrows(EvaluationException.class, () -> eval(div, 1));
    Expr ddiv =
        op(Operator.DIVIDE, SqlType.DOUBLE, col(0, SqlType.DOUBLE), lit(0.0, SqlType.DOUBLE));
    assertEquals(Double.POSITIVE_INFINITY, eval(ddiv, 1.0));
  }

  @Test
  void mixedOperandsWidenToTheOperationType() {
    Expr sum = op(Operator.ADD, SqlType.BIGINT, col(0, SqlType.INTEGER), col(1, SqlType.BIGINT));
    assertEquals(31L, eval(sum, 6, 25L));
  }

  @Test
  void decimalArithmeticRoundsToTheResultType() {
    Expr div = op(Operator.DIVIDE, new SqlType.Decimal(8, 2), col(0, DEC_4_2), col(1, DEC_4_2));
    assertEquals(
        new BigDecimal("5.05"), eval(div, new BigDecimal("10.10"), new BigDecimal("2.00")));
    assertNull(eval(div, new BigDecimal("10.10"), new BigDecimal("0.00")));
  }

  @Test
  void andOrFollowThreeValuedLogic() {
    Expr a = col(0, SqlType.BOOLEAN);
    Expr b = col(1, SqlType.BOOLEAN);
    Expr and = op(Operator.AND, SqlType.BOOLEAN, a, b);
    Expr or = op(Operator.OR, SqlType.BOOLEAN, a, b);
    assertEquals(false, eval(and, null, false));
    assertNull(eval(and, null, true));
    assertEquals(true, eval(or, null, true));
    assertNull(eval(or, null, false));
  }

  @Test
  void comparisonsWidenMixedNumbers() {
    Expr lt =
        op(Operator.LESS_THAN, SqlType.BOOLEAN, col(0, SqlType.INTEGER), lit(1.5, SqlType.DOUBLE));
    assertEquals(true, eval(lt, 1));
    assertEquals(false, eval(lt, (Object) null));
    Expr eq =
        op(
            Operator.EQUAL,
            SqlType.BOOLEAN,
            col(0, DEC_4_2),
            lit(new BigDecimal("1.2"), new SqlType.Decimal(2, 1)));
    assertEquals(true, eval(eq, new BigDecimal("1.20")));
  }

  @Test
  void temporalValuesCompareWithIsoText() {
    Expr eq =
        op(
            Operator.EQUAL,
            SqlType.BOOLEAN,
            col(0, SqlType.TIMESTAMP),
            lit("1970-01-01T00:00:00.010", SqlType.STRING));
    assertEquals(true, eval(eq, 10L));
    assertEquals(false, eval(eq, 11L));
    assertEquals(0, eval(new Expr.Cast(col(0, SqlType.STRING), SqlType.DATE), "1970-01"));
    assertEquals(9, eval(new Expr.Cast(col(0, SqlType.STRING), SqlType.DATE), "1970-01-10"));
  }

  @Test
  void distinctTreatsNullsAsValues() {
    Expr distinct =
        op(
            Operator.IS_DISTINCT_FROM,
            SqlType.BOOLEAN,
            col(0, SqlType.INTEGER),
            col(1, SqlType.INTEGER));
    assertEquals(false, eval(distinct, null, null));
    assertEquals(true, eval(distinct, 1, null));
    assertEquals(false, eval(distinct, 1, 1));
  }

  @Test
  void likeSupportsWildcardsAndEscapes() {
    Expr like =
        op(Operator.LIKE, SqlType.BOOLEAN, col(0, SqlType.STRING), lit("a%b_", SqlType.STRING));
    assertEquals(true, eval(like, "axxbc"));
    assertEquals(false, eval(like, "axxb"));
    Expr escaped =
        op(
            Operator.LIKE,
            SqlType.BOOLEAN,
            col(0, SqlType.STRING),
            lit("100!%", SqlType.STRING),
            lit("!", SqlType.STRING));
    assertEquals(true, eval(escaped, "100%"));
    assertEquals(false, eval(escaped, "1000"));
    Expr dynamic =
        op(Operator.LIKE, SqlType.BOOLEAN, col(0, SqlType.STRING), col(1, SqlType.STRING));
    assertEquals(true, eval(dynamic, "x.y", "_._"));
  }

  @Test
  void inMatchesNonNullValuesOnly() {
    Expr in =
        op(
            Operator.IN,
            SqlType.BOOLEAN,
            col(0, SqlType.INTEGER),
            lit(1, SqlType.INTEGER),
            col(1, SqlType.BIGINT));
    assertEquals(true, eval(in, 1, null));
    assertEquals(false, eval(in, 2, null));
    assertEquals(false, eval(in, null, 3L));
    assertEquals(false, eval(in, 2, 3L));
    assertEquals(true, eval(in, 3, 3L));
  }

  @Test
  void betweenIsInclusive() {
    Expr between =
        op(
            Operator.BETWEEN,
            SqlType.BOOLEAN,
            col(0, SqlType.STRING),
            lit("eoo", SqlType.STRING),
            lit("goo", SqlType.STRING));
    assertEquals(true, eval(between, "eoo"));
    assertEquals(true, eval(between, "goo"));
    assertEquals(false, eval(between, "doo"));
    assertEquals(false, eval(between, (Object) null));
  }

  @Test
  void caseTakesTheFirstTrueArm() {
    Expr caseExpr =
        new Expr.Case(
            List.of(
                new Expr.When(
                    op(
                        Operator.LESS_THAN,
                        SqlType.BOOLEAN,
                        col(0, SqlType.INTEGER),
                        lit(0, SqlType.INTEGER)),
                    lit("negative", SqlType.STRING)),
                new Expr.When(
                    op(
                        Operator.EQUAL,
                        SqlType.BOOLEAN,
                        col(0, SqlType.INTEGER),
                        lit(0, SqlType.INTEGER)),
                    lit("zero", SqlType.STRING))),
            null,
            SqlType.STRING);
    assertEquals("negative", eval(caseExpr, -3));
    assertEquals("zero", eval(caseExpr, 0));
    assertNull(eval(caseExpr, 5));
  }

  @Test
  void castsFollowKsqlDb() {
    assertEquals(
        -2147483648, eval(new Expr.Cast(col(0, SqlType.BIGINT), SqlType.INTEGER), 2147483648L));
    assertEquals(1, eval(new Expr.Cast(col(0, SqlType.DOUBLE), SqlType.INTEGER), 1.2));
    assertEquals(
        new BigDecimal("1.0"),
        eval(new Expr.Cast(col(0, SqlType.DOUBLE), new SqlType.Decimal(2, 1)), 0.99));
    assertEquals("10.3", eval(new Expr.Cast(col(0, SqlType.DOUBLE), SqlType.STRING), 10.3));
    assertEquals(true, eval(new Expr.Cast(col(0, SqlType.STRING), SqlType.BOOLEAN), "TRUE"));
    assertEquals(false, eval(new Expr.Cast(col(0, SqlType.STRING), SqlType.BOOLEAN), "yes"));
    assertEquals(
        1651182287943L,
        eval(new Expr.Cast(col(0, SqlType.STRING), SqlType.TIMESTAMP), "2022-04-28T21:44:47.943Z"));
    assertEquals("00:00:04", eval(new Expr.Cast(col(0, SqlType.TIME), SqlType.STRING), 4000L));
    assertThrows(
        EvaluationException.class,
        () -> eval(new Expr.Cast(col(0, SqlType.STRING), SqlType.INTEGER), "abc"));
  }

  @Test
  void collectionsCastElementWiseAndPrintLikeKsqlDb() {
    SqlType mapType = new SqlType.Map(SqlType.STRING, SqlType.INTEGER);
    assertEquals(
        "{this=1}", eval(new Expr.Cast(col(0, mapType), SqlType.STRING), Map.of("this", 1)));
    SqlType.Struct struct =
        new SqlType.Struct(
            List.of(
                new SqlType.Field("F0", SqlType.INTEGER),
                new SqlType.Field("f1", SqlType.INTEGER)));
    assertEquals(
        "Struct{F0=1,f1=3}",
        eval(
            new Expr.Cast(col(0, struct), SqlType.STRING),
            new Struct(struct, new Object[] {1, 3})));
    SqlType arrayOfLong = new SqlType.Array(SqlType.BIGINT);
    assertEquals(
        List.of("1", "2147483648"),
        eval(
            new Expr.Cast(col(0, arrayOfLong), new SqlType.Array(SqlType.STRING)),
            List.of(1L, 2147483648L)));
  }

  @Test
  void subscriptsAreOneBasedAndNegativeFromTheEnd() {
    SqlType array = new SqlType.Array(SqlType.STRING);
    Expr first = op(Operator.SUBSCRIPT, SqlType.STRING, col(0, array), lit(1, SqlType.INTEGER));
    Expr last = op(Operator.SUBSCRIPT, SqlType.STRING, col(0, array), lit(-1, SqlType.INTEGER));
    Expr outside = op(Operator.SUBSCRIPT, SqlType.STRING, col(0, array), lit(5, SqlType.INTEGER));
    assertEquals("a", eval(first, List.of("a", "b")));
    assertEquals("b", eval(last, List.of("a", "b")));
    assertNull(eval(outside, List.of("a", "b")));
    SqlType map = new SqlType.Map(SqlType.STRING, SqlType.INTEGER);
    assertEquals(
        1,
        eval(
            op(Operator.SUBSCRIPT, SqlType.INTEGER, col(0, map), lit("a", SqlType.STRING)),
            Map.of("a", 1)));
  }

  @Test
  void constructorsAndFieldAccess() {
    SqlType.Struct type = new SqlType.Struct(List.of(new SqlType.Field("ID", SqlType.BIGINT)));
    Expr struct = new Expr.StructOf(List.of(col(0, SqlType.INTEGER)), type);
    Expr field = new Expr.FieldAccess(struct, "ID", SqlType.BIGINT);
    assertEquals(7L, eval(field, 7));
    Expr array =
        new Expr.ArrayOf(
            List.of(col(0, SqlType.INTEGER), lit(2.5, SqlType.DOUBLE)),
            new SqlType.Array(SqlType.DOUBLE));
    assertEquals(List.of(1.0, 2.5), eval(array, 1));
  }

  @Test
  void functionsAreCalledWithWidenedArgumentsAndNullsShortCircuit() {
    Expr len = call("LEN", SqlType.INTEGER, col(0, SqlType.STRING));
    assertEquals(3, eval(len, "abc"));
    assertNull(eval(len, (Object) null));
    Expr sqrt = call("SQRT", SqlType.DOUBLE, col(0, SqlType.INTEGER));
    assertEquals(3.0, eval(sqrt, 9));
    Expr concat =
        call(
            "CONCAT",
            SqlType.STRING,
            lit("a", SqlType.STRING),
            col(0, SqlType.STRING),
            lit("c", SqlType.STRING));
    assertEquals("ac", eval(concat, (Object) null));
  }

  @Test
  void aFunctionResultTakesTheTypeThePlannerDeclared() {
    Expr abs = call("ABS", SqlType.BIGINT, col(0, SqlType.INTEGER));
    assertEquals(5L, eval(abs, -5));
  }

  @Test
  void aFailingFunctionGivesNullAndIsReported() {
    Expr parse =
        call("PARSE_DATE", SqlType.DATE, col(0, SqlType.STRING), lit("yyyy-MM-dd", SqlType.STRING));
    Expr orDefault =
        call(
            "IFNULL",
            SqlType.STRING,
            new Expr.Cast(parse, SqlType.STRING),
            lit("1900-01-01", SqlType.STRING));
    assertEquals("2022-02-02", eval(orDefault, "2022-02-02"));
    assertEquals(List.of(), errors);
    assertEquals("1900-01-01", eval(orDefault, "abcd"));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).getMessage().startsWith("Error in function PARSE_DATE: "));
  }

  @Test
  void tableFunctionsGiveListsAndNothingForNull() {
    SqlType ints = new SqlType.Array(SqlType.INTEGER);
    Expr.FunctionCall explode =
        new Expr.FunctionCall("EXPLODE", List.of(col(0, ints)), SqlType.INTEGER);
    CompiledExpression rows = compiler.compileTableFunction(explode);
    assertEquals(List.of(1, 2), rows.evaluate(new Object[] {List.of(1, 2)}));
    assertEquals(List.of(), rows.evaluate(new Object[] {null}));
    Expr.FunctionCall cube = new Expr.FunctionCall("CUBE_EXPLODE", List.of(col(0, ints)), ints);
    assertEquals(
        List.of(
            java.util.Arrays.asList(null, null),
            java.util.Arrays.asList(null, 2),
            java.util.Arrays.asList(1, null),
            List.of(1, 2)),
        compiler.compileTableFunction(cube).evaluate(new Object[] {List.of(1, 2)}));
    assertThrows(IllegalArgumentException.class, () -> compiler.compile(explode));
  }

  @Test
  void lambdasSeeTheirParametersAndEnclosingOnes() {
    SqlType ints = new SqlType.Array(SqlType.INTEGER);
    Expr x = new Expr.LambdaVariable("X", SqlType.INTEGER);
    Expr y = new Expr.LambdaVariable("Y", SqlType.INTEGER);
    Expr inner =
        new Expr.Lambda(
            List.of(new Expr.LambdaParameter("Y", SqlType.INTEGER)),
            op(Operator.ADD, SqlType.INTEGER, x, y));
    Expr outer =
        new Expr.Lambda(
            List.of(new Expr.LambdaParameter("X", SqlType.INTEGER)),
            call("TRANSFORM", ints, col(1, ints), inner));
    Expr nested = call("TRANSFORM", new SqlType.Array(ints), col(0, ints), outer);
    assertEquals(
        List.of(List.of(11, 21), List.of(12, 22)), eval(nested, List.of(1, 2), List.of(10, 20)));

    Expr s = new Expr.LambdaVariable("S", SqlType.BIGINT);
    Expr sum =
        new Expr.Lambda(
            List.of(
                new Expr.LambdaParameter("S", SqlType.BIGINT),
                new Expr.LambdaParameter("X", SqlType.INTEGER)),
            op(Operator.ADD, SqlType.BIGINT, s, x));
    Expr reduce = call("REDUCE", SqlType.BIGINT, col(0, ints), lit(0, SqlType.INTEGER), sum);
    assertEquals(3L, eval(reduce, List.of(1, 2), null));
    assertEquals(0L, eval(reduce, null, null));
    assertNull(eval(reduce, java.util.Arrays.asList(1, null), null));
    assertEquals(1, errors.size());
    Expr positive =
        new Expr.Lambda(
            List.of(new Expr.LambdaParameter("X", SqlType.INTEGER)),
            op(Operator.GREATER_THAN, SqlType.BOOLEAN, x, lit(0, SqlType.INTEGER)));
    assertEquals(
        List.of(2), eval(call("FILTER", ints, col(0, ints), positive), List.of(-1, 2), null));
  }
}
