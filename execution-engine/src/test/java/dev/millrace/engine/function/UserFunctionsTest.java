package dev.millrace.engine.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.millrace.engine.expr.ExpressionCompiler;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserFunctionsTest {
  private static FunctionRegistry withExamples() {
    FunctionRegistry.Builder builder = FunctionRegistry.builtIns().toBuilder();
    UserFunctions.register(ExampleUdfs.Pick.class, builder);
    UserFunctions.register(ExampleUdfs.SumLengths.class, builder);
    UserFunctions.register(ExampleUdfs.RepeatValue.class, builder);
    return builder.build();
  }

  private static Object eval(FunctionRegistry registry, Expr expr) {
    return new ExpressionCompiler(registry).compile(expr).evaluate(new Object[0]);
  }

  @Test
  void scalarOverloadsResolveByJavaTypes() {
    FunctionRegistry registry = withExamples();
    assertEquals(
        SqlType.INTEGER,
        registry.resolveScalar("PICK", List.of(SqlType.INTEGER, SqlType.INTEGER)).returnType());
    assertEquals(
        SqlType.BIGINT,
        registry
            .resolveScalar("pick", List.of(new SqlType.Array(SqlType.BIGINT), SqlType.INTEGER))
            .returnType());
    Expr larger =
        new Expr.FunctionCall(
            "PICK",
            List.of(new Expr.Literal(3, SqlType.INTEGER), new Expr.Literal(7, SqlType.INTEGER)),
            SqlType.INTEGER);
    assertEquals(7, eval(registry, larger));
    Expr joined =
        new Expr.FunctionCall(
            "PICK",
            List.of(
                new Expr.Literal("-", SqlType.STRING),
                new Expr.Literal("a", SqlType.STRING),
                new Expr.Literal("b", SqlType.STRING)),
            SqlType.STRING);
    assertEquals("a-b", eval(registry, joined));
    Expr withNull =
        new Expr.FunctionCall(
            "PICK",
            List.of(new Expr.Literal(null, SqlType.INTEGER), new Expr.Literal(7, SqlType.INTEGER)),
            SqlType.INTEGER);
    assertNull(eval(registry, withNull));
    assertEquals("Test function.", registry.describe("PICK").orElseThrow().description());
  }

  @Test
  void tableFunctionsProduceTheirListsElements() {
    FunctionRegistry registry = withExamples();
    Expr repeat =
        new Expr.FunctionCall(
            "REPEAT_VALUE",
            List.of(new Expr.Literal("x", SqlType.STRING), new Expr.Literal(3, SqlType.INTEGER)),
            SqlType.STRING);
    assertEquals(
        SqlType.STRING,
        registry
            .resolveTableFunction(
                "REPEAT_VALUE",
                List.of(ArgumentType.of(SqlType.STRING), ArgumentType.of(SqlType.INTEGER)))
            .returnType());
    assertEquals(
        List.of("x", "x", "x"),
        new ExpressionCompiler(registry)
            .compileTableFunction((Expr.FunctionCall) repeat)
            .evaluate(new Object[0]));
  }

  @Test
  void aggregatesComeFromTheirFactories() {
    ResolvedAggregate sum =
        withExamples().resolveAggregate("SUM_LENGTHS", List.of(SqlType.STRING), List.of(10));
    Aggregator aggregator = sum.aggregator();
    assertEquals(SqlType.BIGINT, sum.returnType());
    assertEquals(SqlType.BIGINT, aggregator.accumulatorType());
    Object acc = aggregator.add(aggregator.initialize(), new Object[] {"abc"});
    assertEquals(13L, aggregator.result(aggregator.add(acc, new Object[] {null})));
  }
}
