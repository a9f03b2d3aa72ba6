package dev.millrace.engine.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
  private final FunctionRegistry registry = FunctionRegistry.builtIns();

  @Test
  void resolvesTheExactOverload() {
    ResolvedScalar abs = registry.resolveScalar("abs", List.of(SqlType.BIGINT));
    assertEquals("ABS", abs.name());
    assertEquals(SqlType.BIGINT, abs.returnType());
    assertEquals(List.of(SqlType.BIGINT), abs.parameterTypes());
  }

  @Test
  void widensNumericArguments() {
    ResolvedScalar sqrt = registry.resolveScalar("SQRT", List.of(SqlType.INTEGER));
    assertEquals(List.of(SqlType.DOUBLE), sqrt.parameterTypes());
    assertEquals(SqlType.DOUBLE, sqrt.returnType());
  }

  @Test
  void bindsGenericsToTheWidestArgument() {
    ResolvedScalar coalesce =
        registry.resolveScalar("COALESCE", List.of(SqlType.INTEGER, SqlType.BIGINT));
    assertEquals(SqlType.BIGINT, coalesce.returnType());
    assertEquals(List.of(SqlType.BIGINT, SqlType.BIGINT), coalesce.parameterTypes());
  }

  @Test
  void decimalsKeepTheirPrecision() {
    SqlType decimal = new SqlType.Decimal(5, 2);
    assertEquals(decimal, registry.resolveScalar("ABS", List.of(decimal)).returnType());
    assertEquals(
        new SqlType.Decimal(3, 0), registry.resolveScalar("ROUND", List.of(decimal)).returnType());
  }

  @Test
  void variadicFunctionsTakeAnyNumberOfArguments() {
    assertEquals(
        SqlType.STRING,
        registry
            .resolveScalar("CONCAT", List.of(SqlType.STRING, SqlType.STRING, SqlType.STRING))
            .returnType());
    assertEquals(
        SqlType.STRING, registry.resolveScalar("CONCAT", List.of(SqlType.STRING)).returnType());
  }

  @Test
  void anUntypedNullFitsAnyParameter() {
    ResolvedScalar ifnull =
        registry.resolveScalar("IFNULL", java.util.Arrays.asList(null, SqlType.STRING));
    assertEquals(SqlType.STRING, ifnull.returnType());
  }

  @Test
  void unknownFunctionsSuggestCloseNames() {
    FunctionException e =
        assertThrows(
            FunctionException.class, () -> registry.resolveScalar("UCAS", List.of(SqlType.STRING)));
    assertEquals("Unknown function UCAS; did you mean UCASE?", e.getMessage());
  }

  @Test
  void usingAFunctionAsAnotherKindSaysWhatItIs() {
    FunctionException e =
        assertThrows(
            FunctionException.class,
            () -> registry.resolveScalar("EXPLODE", List.of(new SqlType.Array(SqlType.INTEGER))));
    assertEquals("EXPLODE is a table function, not a scalar function", e.getMessage());
  }

  @Test
  void aMismatchListsTheAcceptedSignatures() {
    FunctionException e =
        assertThrows(
            FunctionException.class,
            () -> registry.resolveScalar("SUBSTRING", List.of(SqlType.INTEGER)));
    assertEquals(
        "No overload of SUBSTRING accepts (INTEGER); accepted: SUBSTRING(STRING, INTEGER) => STRING, "
            + "SUBSTRING(STRING, INTEGER, INTEGER) => STRING, SUBSTRING(BYTES, INTEGER) => BYTES, "
            + "SUBSTRING(BYTES, INTEGER, INTEGER) => BYTES",
        e.getMessage());
  }

  @Test
  void aggregatesResolveWithTheirResultTypes() {
    assertTrue(registry.isAggregate("count"));
    assertFalse(registry.isAggregate("ucase"));
    assertEquals(
        SqlType.INTEGER,
        registry.resolveAggregate("SUM", List.of(SqlType.INTEGER), List.of()).returnType());
    assertEquals(
        SqlType.DOUBLE,
        registry.resolveAggregate("AVG", List.of(SqlType.INTEGER), List.of()).returnType());
    assertEquals(
        SqlType.BIGINT, registry.resolveAggregate("COUNT", List.of(), List.of()).returnType());
    assertEquals(
        SqlType.STRING,
        registry.resolveAggregate("MAX", List.of(SqlType.STRING), List.of()).returnType());
  }

  @Test
  void aggregatesWidenTheirArgumentsLikeScalars() {
    assertEquals(
        List.of(SqlType.DOUBLE, SqlType.DOUBLE),
        registry
            .resolveAggregate("CORRELATION", List.of(SqlType.INTEGER, SqlType.BIGINT), List.of())
            .parameterTypes());
    assertEquals(
        SqlType.INTEGER,
        registry.resolveAggregate("SUM", List.of(SqlType.INTEGER), List.of()).returnType());
  }

  @Test
  void aggregateCallsOfNullsOnlyAreAmbiguous() {
    FunctionException e =
        assertThrows(
            FunctionException.class,
            () ->
                registry.resolveAggregate(
                    "SUM", java.util.Arrays.asList((SqlType) null), List.of()));
    assertEquals(
        "Function 'sum' cannot be resolved due to ambiguous method parameters (null). Use CAST() to"
            + " explicitly cast your parameters to one of the supported function calls:"
            + " SUM(INTEGER) => INTEGER, SUM(BIGINT) => BIGINT, SUM(DOUBLE) => DOUBLE,"
            + " SUM(DECIMAL) => DECIMAL",
        e.getMessage());
  }

  @Test
  void unorderableTypesHaveNoMinimum() {
    FunctionException e =
        assertThrows(
            FunctionException.class,
            () ->
                registry.resolveAggregate(
                    "MIN", List.of(new SqlType.Array(SqlType.INTEGER)), List.of()));
    assertEquals(
        "MIN does not accept ARRAY<INTEGER>: its values cannot be ordered", e.getMessage());
  }

  @Test
  void describesFunctions() {
    FunctionDescription len = registry.describe("len").orElseThrow();
    assertEquals(FunctionDescription.Kind.SCALAR, len.kind());
    assertEquals(List.of("LEN(STRING) => INTEGER", "LEN(BYTES) => INTEGER"), len.signatures());
    assertEquals("STRING", len.category());
    assertEquals("internal", len.path());
    FunctionDescription concat = registry.describe("CONCAT").orElseThrow();
    assertEquals(
        new FunctionDescription.Parameter("arg1", "STRING", true),
        concat.variants().get(0).parameters().get(0));
    FunctionDescription topk = registry.describe("TOPK").orElseThrow();
    assertEquals(FunctionDescription.Kind.AGGREGATE, topk.kind());
    assertEquals("TOPK(T, INTEGER) => ARRAY<T>", topk.signatures().get(0));
    assertEquals(FunctionDescription.Kind.TABLE, registry.describe("EXPLODE").orElseThrow().kind());
    assertTrue(registry.list().stream().anyMatch(f -> f.name().equals("COUNT")));
  }
}
