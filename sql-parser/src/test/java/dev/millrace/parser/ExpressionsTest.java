package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.Expressions;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.LambdaVariable;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

  private final SqlParser parser = new SqlParser();

  @Test
  void collectsEveryColumnInTextOrder() {
    Expression expression =
        parser.parseExpression(
            "CASE WHEN a > 1 THEN MAP('k' := b) "
                + "ELSE STRUCT(f := c)->f END || CAST(d[e] AS STRING) || x IN (y, z)");
    assertEquals(
        List.of("A", "B", "C", "D", "E", "X", "Y", "Z"),
        Expressions.collect(expression, ColumnRef.class).stream().map(ColumnRef::name).toList());
  }

  @Test
  void walksIntoLambdaBodiesAndFunctionArguments() {
    Expression expression = parser.parseExpression("SUM(TRANSFORM(xs, x => ABS(x)))");
    assertEquals(
        List.of("SUM", "TRANSFORM", "ABS"),
        Expressions.collect(expression, FunctionCall.class).stream()
            .map(FunctionCall::name)
            .toList());
    assertEquals(1, Expressions.collect(expression, LambdaVariable.class).size());
  }

  @Test
  void anyMatchStopsAtTheFirstHit() {
    Expression expression = parser.parseExpression("a + COUNT(*)");
    assertTrue(Expressions.anyMatch(expression, e -> e instanceof FunctionCall));
    assertFalse(Expressions.anyMatch(expression, e -> e instanceof LambdaVariable));
  }
}
