package dev.millrace.planner.logical;

import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.ExpressionScope;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rex.RexNode;

/**
 * The SELECT list's scope above a {@link FlatMap}: input columns resolve as in the row scope, and
 * each table function call (the very expression object the flat map computes) is the flat map's
 * column holding its value for the current row.
 */
final class TableFunctionScope implements ExpressionScope {
  private final ExpressionScope row;
  private final Map<Expression, RexNode> columns;

  TableFunctionScope(ExpressionScope row, IdentityHashMap<Expression, RexNode> columns) {
    this.row = row;
    this.columns = columns;
  }

  @Override
  public RexNode column(ColumnRef ref) {
    return row.column(ref);
  }

  @Override
  public Optional<RexNode> replace(Expression expression, ExpressionAnalyzer analyzer) {
    return Optional.ofNullable(columns.get(expression));
  }

  @Override
  public RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer) {
    return row.aggregate(call, analyzer);
  }
}
