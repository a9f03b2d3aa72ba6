package dev.millrace.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.function.Signature;
import dev.millrace.engine.function.TypePattern;
import dev.millrace.engine.types.SqlType;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.TestSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which overload a call uses, by ksqlDB's rules: exact fits first, conversions only when nothing
 * fits exactly and then without ranking by distance, non-variadic before variadic, more declared
 * parameters before fewer, fewer generic parameters before more, and a tie is an error. Each test
 * function's overloads return distinct types, so the output column's type tells which one was
 * chosen.
 */
class FunctionResolutionTest {
  private static final FunctionRegistry FUNCTIONS = testFunctions();

  private static final String SETUP =
      """
      CREATE STREAM S (ID BIGINT KEY, I INT, B BIGINT, D DECIMAL(4, 2), F DOUBLE, S STRING)
        WITH (kafka_topic='s', value_format='JSON');
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      WIDEN(I)              | INTEGER
      WIDEN(B)              | BIGINT
      WIDEN(D)              | DOUBLE
      WIDEN(CAST(I AS BIGINT)) | BIGINT
      NUM(B)                | BIGINT
      NUM(D)                | DOUBLE
      NUM(CAST(NULL AS DOUBLE)) | DOUBLE
      LONGS(I)              | BIGINT
      ONE(NULL)             | STRING
      VAR(S)                | INTEGER
      VAR(S, S)             | BIGINT
      VAR()                 | BIGINT
      FIXED(S, S)           | INTEGER
      FIXED(S, S, S)        | INTEGER
      FIXED(S)              | INTEGER
      GEN(S)                | INTEGER
      GEN(I)                | BIGINT
      GREATEST(B, NULL, B)  | BIGINT
      GREATEST(D, D)        | DECIMAL(4, 2)
      GREATEST(I, D, F)     | DOUBLE
      """)
  void choosesTheOverloadKsqlDbChooses(String call, String type) {
    TestSession session =
        new TestSession(FUNCTIONS)
            .run(SETUP)
            .run("CREATE STREAM OUT AS SELECT ID, " + call + " AS R FROM S;");
    assertEquals(
        "`ID` BIGINT KEY, `R` " + type,
        session.catalog().source("OUT").orElseThrow().schema().toSql());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      NUM(I)              | line 1:8: Function 'num' cannot be resolved due to ambiguous method parameters (INTEGER). Use CAST() to explicitly cast your parameters to one of the supported function calls: NUM(BIGINT) => BIGINT, NUM(DOUBLE) => DOUBLE
      NUM(NULL)           | line 1:8: Function 'num' cannot be resolved due to ambiguous method parameters (null). Use CAST() to explicitly cast your parameters to one of the supported function calls: NUM(BIGINT) => BIGINT, NUM(DOUBLE) => DOUBLE
      GREATEST(I, B)      | line 1:8: Function 'greatest' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT). Use CAST() to explicitly cast your parameters to one of the supported function calls: GREATEST(BIGINT, BIGINT...) => BIGINT, GREATEST(DOUBLE, DOUBLE...) => DOUBLE, GREATEST(DECIMAL, DECIMAL...) => DECIMAL
      GREATEST(NULL, NULL) | line 1:8: Function 'greatest' cannot be resolved due to ambiguous method parameters (null, null). Use CAST() to explicitly cast your parameters to one of the supported function calls: GREATEST(INTEGER, INTEGER...) => INTEGER, GREATEST(BIGINT, BIGINT...) => BIGINT, GREATEST(DOUBLE, DOUBLE...) => DOUBLE, GREATEST(DECIMAL, DECIMAL...) => DECIMAL, GREATEST(STRING, STRING...) => STRING, GREATEST(BYTES, BYTES...) => BYTES, GREATEST(DATE, DATE...) => DATE, GREATEST(TIME, TIME...) => TIME, GREATEST(TIMESTAMP, TIMESTAMP...) => TIMESTAMP
      LONGS(F)            | line 1:8: No overload of LONGS accepts (DOUBLE); accepted: LONGS(BIGINT) => BIGINT
      TWIN(S)             | line 1:8: Function 'twin' cannot be resolved due to ambiguous method parameters (STRING). Use CAST() to explicitly cast your parameters to one of the supported function calls: TWIN(STRING...) => INTEGER, TWIN(STRING...) => BIGINT
      """)
  void refusesCallsKsqlDbRefuses(String call, String message) {
    TestSession session = new TestSession(FUNCTIONS).run(SETUP);
    PlanningException error =
        assertThrows(
            PlanningException.class,
            () -> session.plan("SELECT " + call + " FROM S EMIT CHANGES;"));
    assertEquals(message, error.getMessage());
  }

  /**
   * The built-ins and: WIDEN (INTEGER, BIGINT, DOUBLE); NUM (BIGINT, DOUBLE); LONGS (BIGINT); ONE
   * (STRING); VAR (STRING) and (STRING...); FIXED (STRING, STRING...) and (STRING...); GEN (STRING)
   * and (T); TWIN twice (STRING...).
   */
  private static FunctionRegistry testFunctions() {
    FunctionRegistry.Builder builder = FunctionRegistry.builtIns().toBuilder();
    builder
        .scalar("WIDEN", "exact first")
        .add(Signature.of(SqlType.INTEGER, SqlType.INTEGER), a -> a[0])
        .add(Signature.of(SqlType.BIGINT, SqlType.BIGINT), a -> a[0])
        .add(Signature.of(SqlType.DOUBLE, SqlType.DOUBLE), a -> a[0]);
    builder
        .scalar("NUM", "ties when widening")
        .add(Signature.of(SqlType.BIGINT, SqlType.BIGINT), a -> a[0])
        .add(Signature.of(SqlType.DOUBLE, SqlType.DOUBLE), a -> a[0]);
    builder.scalar("LONGS", "one").add(Signature.of(SqlType.BIGINT, SqlType.BIGINT), a -> a[0]);
    builder.scalar("ONE", "one").add(Signature.of(SqlType.STRING, SqlType.STRING), a -> a[0]);
    TypePattern string = TypePattern.of(SqlType.STRING);
    builder
        .scalar("VAR", "fixed before variadic")
        .add(Signature.of(SqlType.INTEGER, SqlType.STRING), a -> 1)
        .add(Signature.variadic(TypePattern.of(SqlType.BIGINT), string), a -> 2L);
    builder
        .scalar("FIXED", "more parameters first")
        .add(Signature.variadic(TypePattern.of(SqlType.INTEGER), string, string), a -> 1)
        .add(Signature.variadic(TypePattern.of(SqlType.BIGINT), string), a -> 2L);
    TypePattern t = TypePattern.var("T");
    builder
        .scalar("GEN", "fewer generics first")
        .add(Signature.of(TypePattern.of(SqlType.INTEGER), string), a -> 1)
        .add(Signature.of(TypePattern.of(SqlType.BIGINT), t), a -> 2L);
    builder
        .scalar("TWIN", "a tie")
        .add(Signature.variadic(TypePattern.of(SqlType.INTEGER), string), a -> 1)
        .add(Signature.variadic(TypePattern.of(SqlType.BIGINT), string), a -> 2L);
    return builder.build();
  }
}
