package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.logical.CalciteTypes;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Expressions over the input row of a query (WHERE, GROUP BY, PARTITION BY, SELECT without
 * aggregation): columns resolve through a {@link Scope}; aggregates are refused, naming the clause.
 */
public final class RowScope implements ExpressionScope {
  private final Scope scope;
  private final RexBuilder rex;
  private final CalciteTypes types;
  private final String clause;

  /**
   * {@code clause} names where the expression is written, for messages ("WHERE", "GROUP BY", ...).
   */
  public RowScope(Scope scope, RexBuilder rex, CalciteTypes types, String clause) {
    this.scope = scope;
    this.rex = rex;
    this.types = types;
    this.clause = clause;
  }

  public Scope scope() {
    return scope;
  }

  @Override
  public RexNode column(ColumnRef ref) {
    ScopeColumn column = scope.resolve(ref);
    return rex.makeInputRef(types.toRel(column.type()), column.index());
  }

  @Override
  public RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer) {
    throw new PlanningException(
        call.location(),
        clause
            + " does not support aggregate functions: "
            + call.name()
            + " is an aggregate function.");
  }
}
