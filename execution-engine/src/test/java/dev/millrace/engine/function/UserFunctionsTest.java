package dev.millrace.engine.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.expr.ExpressionCompiler;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlTypeParser;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserFunctionsTest {
  private static FunctionRegistry withExamples() {
    FunctionRegistry.Builder builder = FunctionRegistry.builtIns().toBuilder();
    UserFunctions.register(ExampleUdfs.Pick.class, builder);
    UserFunctions.register(ExampleUdfs.SumLengths.class, builder);
    UserFunctions.register(ExampleUdfs.RepeatValue.class, builder);
    UserFunctions.register(ExampleUdfs.Labelled.class, builder);
    UserFunctions.register(ExampleUdfs.DayOf.class, builder);
    UserFunctions.register(ExampleUdfs.JoinSums.class, builder);
    UserFunctions.register(ExampleUdfs.LabelledSum.class, builder);
    UserFunctions.register(ExampleUdfs.FirstsIf.class, builder);
    UserFunctions.register(ExampleUdfs.CompleteRows.class, builder);
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

  @Test
  void structsAreTypedByTheirSchemas() {
    FunctionRegistry registry = withExamples();
    SqlType labelled = SqlTypeParser.parse(ExampleUdfs.Labelled.SCHEMA);
    ResolvedScalar make =
        registry.resolveScalar("LABELLED", List.of(SqlType.STRING, SqlType.INTEGER));
    assertEquals(labelled, make.returnType());
    Object made = make.instantiate().apply(new Object[] {"apples", 3});
    assertEquals(new Struct((SqlType.Struct) labelled, new Object[] {"apples", 3}), made);
    ResolvedScalar read = registry.resolveScalar("LABELLED", List.of(labelled));
    assertEquals(SqlType.STRING, read.returnType());
    assertEquals("apples=3", read.instantiate().apply(new Object[] {made}));
    assertEquals(
        List.of(
            List.of(
                new FunctionDescription.Parameter("name", "STRING", false),
                // Named by Java, as the build compiles with -parameters.
                new FunctionDescription.Parameter("count", "INTEGER", false)),
            List.of(
                new FunctionDescription.Parameter(
                    "labelled", "STRUCT<`LABEL` STRING, `N` INTEGER>", false))),
        registry.describe("LABELLED").orElseThrow().variants().stream()
            .map(FunctionDescription.Variant::parameters)
            .toList());
    SqlType otherStruct = SqlTypeParser.parse("STRUCT<LABEL VARCHAR>");
    assertThrows(
        FunctionException.class, () -> registry.resolveScalar("LABELLED", List.of(otherStruct)));
  }

  @Test
  void schemasNameTemporalTypesOfIntegersAndLongs() {
    ResolvedScalar day = withExamples().resolveScalar("DAY_OF", List.of(SqlType.TIMESTAMP));
    assertEquals(List.of(SqlType.TIMESTAMP), day.parameterTypes());
    assertEquals(SqlType.DATE, day.returnType());
    assertEquals(2, day.instantiate().apply(new Object[] {2 * 86_400_000L + 5}));
  }

  @Test
  void aVariadicColumnTakesTheArgumentsBeforeTheInitialOnes() {
    ResolvedAggregate joined =
        withExamples()
            .resolveAggregateCall(
                "JOIN_SUMS",
                List.of(
                    AggregateArgument.expression(SqlType.STRING),
                    AggregateArgument.expression(SqlType.INTEGER),
                    AggregateArgument.literal(SqlType.INTEGER, 10),
                    AggregateArgument.literal(SqlType.STRING, "; ")));
    assertEquals(
        List.of(SqlType.STRING, SqlType.INTEGER, SqlType.INTEGER), joined.parameterTypes());
    Aggregator aggregator = joined.aggregator();
    Object acc = aggregator.add(aggregator.initialize(), new Object[] {"a", 1, 10});
    acc = aggregator.add(acc, new Object[] {"b", null, 2});
    assertEquals("a11; b2", aggregator.result(acc));
    assertEquals(
        List.of(SqlType.STRING),
        withExamples()
            .resolveAggregateCall(
                "JOIN_SUMS",
                List.of(
                    AggregateArgument.expression(SqlType.STRING),
                    AggregateArgument.literal(SqlType.STRING, "; ")))
            .parameterTypes());
    assertEquals(
        List.of("JOIN_SUMS(STRING, INTEGER..., STRING) => STRING"),
        withExamples().describe("JOIN_SUMS").orElseThrow().signatures());
  }

  @Test
  void variadicInitialArgumentsFollowTheColumns() {
    FunctionRegistry registry = withExamples();
    ResolvedAggregate sum =
        registry.resolveAggregateCall(
            "LABELLED_SUM",
            List.of(
                AggregateArgument.expression(SqlType.BIGINT),
                AggregateArgument.expression(SqlType.INTEGER),
                AggregateArgument.literal(SqlType.STRING, "total"),
                AggregateArgument.literal(SqlType.STRING, ": ")));
    assertEquals(List.of(SqlType.BIGINT, SqlType.BIGINT), sum.parameterTypes());
    assertEquals(SqlType.STRING, sum.returnType());
    Aggregator aggregator = sum.aggregator();
    Object acc = aggregator.add(aggregator.initialize(), new Object[] {2L, 3L});
    assertEquals("total: 10", aggregator.result(aggregator.add(acc, new Object[] {4L, 1L})));
    assertEquals(
        "0",
        registry
            .resolveAggregate("LABELLED_SUM", List.of(SqlType.BIGINT, SqlType.BIGINT), List.of())
            .aggregator()
            .result(0L));
    FunctionException noInit =
        assertThrows(
            FunctionException.class,
            () ->
                registry.resolveAggregateCall(
                    "LABELLED_SUM",
                    List.of(
                        AggregateArgument.expression(SqlType.BIGINT),
                        AggregateArgument.expression(SqlType.STRING))));
    assertEquals(
        "No overload of LABELLED_SUM accepts (BIGINT, STRING); accepted:"
            + " LABELLED_SUM(BIGINT, BIGINT, STRING...) => STRING",
        noInit.getMessage());
  }

  @Test
  void anInitialArgumentMustBeALiteral() {
    NotLiteralArgument error =
        assertThrows(
            NotLiteralArgument.class,
            () ->
                withExamples()
                    .resolveAggregateCall(
                        "JOIN_SUMS",
                        List.of(
                            AggregateArgument.expression(SqlType.STRING),
                            AggregateArgument.expression(SqlType.STRING))));
    assertEquals(1, error.argumentIndex());
    assertEquals(
        "Parameter 2 passed to function JOIN_SUMS must be a literal constant", error.getMessage());
    // An expression of a type no initial argument takes is a wrong call, not a missing literal.
    FunctionException wrongType =
        assertThrows(
            FunctionException.class,
            () ->
                withExamples()
                    .resolveAggregateCall(
                        "JOIN_SUMS",
                        List.of(
                            AggregateArgument.expression(SqlType.STRING),
                            AggregateArgument.expression(SqlType.BOOLEAN))));
    assertEquals(
        "No overload of JOIN_SUMS accepts (STRING, BOOLEAN); accepted:"
            + " JOIN_SUMS(STRING, INTEGER..., STRING) => STRING",
        wrongType.getMessage());
  }

  @Test
  void genericColumnsBindTheAccumulatorAndResultTypes() {
    SqlType decimal = new SqlType.Decimal(5, 1);
    ResolvedAggregate firsts =
        withExamples().resolveAggregate("FIRSTS_IF", List.of(decimal, SqlType.BOOLEAN), List.of());
    assertEquals(new SqlType.Array(decimal), firsts.returnType());
    assertEquals(new SqlType.Array(decimal), firsts.aggregator().accumulatorType());
    Aggregator aggregator = firsts.aggregator();
    Object acc = aggregator.initialize();
    acc = aggregator.add(acc, new Object[] {new BigDecimal("1.5"), true});
    acc = aggregator.add(acc, new Object[] {new BigDecimal("2.5"), false});
    assertEquals(List.of(new BigDecimal("1.5")), aggregator.result(acc));
  }

  @Test
  void objectColumnsTakeArgumentsOfAnyTypesAsTheyAre() {
    SqlType struct = SqlTypeParser.parse("STRUCT<A INT>");
    SqlType decimal = new SqlType.Decimal(4, 3);
    ResolvedAggregate complete =
        withExamples()
            .resolveAggregate(
                "COMPLETE_ROWS", List.of(SqlType.INTEGER, struct, decimal), List.of());
    assertEquals(List.of(SqlType.INTEGER, struct, decimal), complete.parameterTypes());
    Aggregator aggregator = complete.aggregator();
    Object acc = aggregator.add(aggregator.initialize(), new Object[] {1, null, BigDecimal.ONE});
    acc =
        aggregator.add(
            acc,
            new Object[] {
              1, new Struct((SqlType.Struct) struct, new Object[] {2}), BigDecimal.ONE
            });
    assertEquals(1L, aggregator.result(acc));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      StructWithoutSchema         | f: a Struct needs its SQL type given as a schema, e.g. STRUCT<A VARCHAR>
      SchemaNotSuitingTheJavaType | f: the schema STRUCT<`A` INTEGER> does not suit the Java type java.lang.String
      VariadicColumnNotLast       | create: only the last column argument may be VariadicArgs
      TwoVariadics                | create: either the last column or the initial arguments may be variadic, not both
      """)
  void invalidFunctionsAreRefusedWithTheReason(String name, String reason)
      throws ClassNotFoundException {
    Class<?> type = Class.forName(ExampleUdfs.Invalid.class.getName() + "$" + name);
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> UserFunctions.register(type, FunctionRegistry.builtIns().toBuilder()));
    assertEquals(type.getName() + "." + reason, error.getMessage());
  }
}
