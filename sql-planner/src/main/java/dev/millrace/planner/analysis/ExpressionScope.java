package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import java.util.Optional;
import org.apache.calcite.rex.RexNode;

/**
 * What an expression can refer to where it is written: the columns of the input row, and, after an
 * aggregation, the grouped expressions and aggregate results.
 */
public interface ExpressionScope {

  /** The input-row reference a column names; throws a positioned error if it names none. */
  RexNode column(ColumnRef ref);

  /**
   * A replacement for a whole subexpression (e.g. a grouped expression after aggregation), if any.
   */
  default Optional<RexNode> replace(Expression expression, ExpressionAnalyzer analyzer) {
    return Optional.empty();
  }

  /** A call of an aggregate function; throws where aggregates are not allowed. */
  RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer);
}
