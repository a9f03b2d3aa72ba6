package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.LambdaVariable;
import dev.millrace.planner.PlanningException;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexNode;

/**
 * The body of a lambda ({@code x => x + 1}): its parameters are bound to typed references; columns
 * and aggregates resolve in the enclosing scope.
 */
final class LambdaScope implements ExpressionScope {
  private final ExpressionScope outer;
  private final Map<String, RexLambdaRef> parameters;

  LambdaScope(ExpressionScope outer, Map<String, RexLambdaRef> parameters) {
    this.outer = outer;
    this.parameters = Map.copyOf(parameters);
  }

  /** The reference a lambda variable names, looking outwards through enclosing lambdas. */
  RexNode variable(LambdaVariable variable) {
    RexLambdaRef ref = parameters.get(variable.name());
    if (ref != null) {
      return ref;
    }
    if (outer instanceof LambdaScope enclosing) {
      return enclosing.variable(variable);
    }
    throw new PlanningException(variable.location(), "Unknown lambda variable " + variable.name());
  }

  @Override
  public RexNode column(ColumnRef ref) {
    return outer.column(ref);
  }

  @Override
  public Optional<RexNode> replace(Expression expression, ExpressionAnalyzer analyzer) {
    if (Subexpressions.anyMatch(expression, e -> e instanceof LambdaVariable)) {
      return Optional.empty();
    }
    return outer.replace(expression, analyzer);
  }

  @Override
  public RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer) {
    return outer.aggregate(call, analyzer);
  }
}
