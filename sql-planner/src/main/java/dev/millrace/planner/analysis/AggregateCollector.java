package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * First pass over SELECT and HAVING of an aggregation: collects the distinct aggregate calls, in
 * order of appearance, so the second pass ({@link AggregateScope}) knows every aggregate's output
 * position. Column references resolve against the input here; grouping is checked in the second
 * pass, so what this pass returns for them only has to have the right type.
 */
public final class AggregateCollector implements ExpressionScope {
  private final RowScope input;
  private final boolean windowed;
  private final ExpressionAnalyzer analyzer;
  private final List<AggregateSpec> found = new ArrayList<>();
  private final List<FunctionCall> firstCalls = new ArrayList<>();
  private final List<FunctionCall> withoutUndo = new ArrayList<>();

  public AggregateCollector(RowScope input, boolean windowed, ExpressionAnalyzer analyzer) {
    this.input = input;
    this.windowed = windowed;
    this.analyzer = analyzer;
  }

  /** Collects the aggregate calls of one SELECT item or HAVING condition. */
  public void visit(Expression e) {
    analyzer.analyze(e, this);
  }

  /** The distinct aggregate calls seen so far, in order of appearance. */
  public List<AggregateSpec> aggregates() {
    return List.copyOf(found);
  }

  /** Where each of {@link #aggregates()} is first called. */
  public List<FunctionCall> firstCalls() {
    return List.copyOf(firstCalls);
  }

  /** The aggregate calls seen so far that cannot undo a row, in order of appearance. */
  public List<FunctionCall> callsWithoutUndo() {
    return List.copyOf(withoutUndo);
  }

  @Override
  public RexNode column(ColumnRef ref) {
    if (windowed && AggregateScope.isWindowBound(ref)) {
      return analyzer.rexBuilder().makeInputRef(analyzer.types().toRel(SqlType.BIGINT), 0);
    }
    return input.column(ref);
  }

  @Override
  public RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer) {
    AggregateSpec spec = AggregateCalls.analyze(call, input, analyzer);
    if (!spec.canUndo()) {
      withoutUndo.add(call);
    }
    if (!found.contains(spec)) {
      found.add(spec);
      firstCalls.add(call);
    }
    return analyzer.rexBuilder().makeInputRef(analyzer.types().toRel(spec.type()), 0);
  }
}
