package dev.millrace.planner.analysis;

import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexNode;

/**
 * Expressions after an aggregation (SELECT, HAVING): the aggregation's output row holds the
 * grouping expressions, then the aggregate results, then WINDOWSTART and WINDOWEND when windowed. A
 * subexpression equal to a grouping expression reads its output column; any other column reference
 * outside an aggregate is an error, as in ksqlDB. Window bounds are readable in SELECT only.
 */
public final class AggregateScope implements ExpressionScope {
  private final RowScope input;
  private final List<RexNode> groupKeys;
  private final List<AggregateSpec> aggregates;
  private final boolean windowed;
  private final String clause;

  public AggregateScope(
      RowScope input,
      List<RexNode> groupKeys,
      List<AggregateSpec> aggregates,
      boolean windowed,
      String clause) {
    this.input = input;
    this.groupKeys = List.copyOf(groupKeys);
    this.aggregates = List.copyOf(aggregates);
    this.windowed = windowed;
    this.clause = clause;
  }

  static boolean isWindowBound(ColumnRef ref) {
    return ref.name().equals(SourceColumns.WINDOWSTART)
        || ref.name().equals(SourceColumns.WINDOWEND);
  }

  @Override
  public Optional<RexNode> replace(Expression e, ExpressionAnalyzer analyzer) {
    if (windowed && clause.equals("SELECT") && e instanceof ColumnRef ref && isWindowBound(ref)) {
      int offset = ref.name().equals(SourceColumns.WINDOWSTART) ? 0 : 1;
      return Optional.of(
          ref(analyzer, SqlType.BIGINT, groupKeys.size() + aggregates.size() + offset));
    }
    if (Subexpressions.anyMatch(
            e, x -> x instanceof FunctionCall f && analyzer.functions().isAggregate(f.name()))
        || windowed
            && clause.equals("SELECT")
            && Subexpressions.anyMatch(e, x -> x instanceof ColumnRef ref && isWindowBound(ref))) {
      return Optional.empty();
    }
    RexNode inInput = analyzer.analyze(e, input);
    int index = groupKeys.indexOf(inInput);
    if (index >= 0) {
      return Optional.of(ref(analyzer, analyzer.typeOf(inInput), index));
    }
    if (e instanceof ColumnRef) {
      throw new PlanningException(
          e.location(),
          "Non-aggregate "
              + clause
              + " expression(s) not part of GROUP BY: "
              + SqlFormatter.format(e));
    }
    return Optional.empty();
  }

  @Override
  public RexNode column(ColumnRef ref) {
    throw new IllegalStateException("columns are replaced before they are resolved: " + ref);
  }

  @Override
  public RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer) {
    AggregateSpec spec = AggregateCalls.analyze(call, input, analyzer);
    int index = aggregates.indexOf(spec);
    if (index < 0) {
      throw new IllegalStateException("aggregate not collected in the first pass: " + call.name());
    }
    return ref(analyzer, spec.type(), groupKeys.size() + index);
  }

  private static RexNode ref(ExpressionAnalyzer analyzer, SqlType type, int index) {
    return analyzer.rexBuilder().makeInputRef(analyzer.types().toRel(type), index);
  }
}
