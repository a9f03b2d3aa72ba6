package dev.millrace.planner.analysis;

import dev.millrace.engine.function.AggregateArgument;
import dev.millrace.engine.function.FunctionException;
import dev.millrace.engine.function.NotLiteralArgument;
import dev.millrace.engine.function.ResolvedAggregate;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.Literal;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Types aggregate calls: per-row arguments over the input row, trailing literal arguments as the
 * aggregate's initial arguments, the overload (and so where the initial arguments start) chosen by
 * the function registry.
 */
final class AggregateCalls {
  private AggregateCalls() {}

  static AggregateSpec analyze(FunctionCall call, RowScope input, ExpressionAnalyzer analyzer) {
    ExpressionScope noNesting = new NoNesting(input, call);
    List<RexNode> arguments = new ArrayList<>();
    List<AggregateArgument> described = new ArrayList<>();
    for (Expression argument : call.arguments()) {
      RexNode node = analyzer.analyze(argument, noNesting);
      arguments.add(node);
      SqlType type = analyzer.typeOf(node);
      described.add(
          argument instanceof Literal literal
              ? AggregateArgument.literal(type, literal.value())
              : AggregateArgument.expression(type));
    }
    ResolvedAggregate resolved;
    try {
      resolved = analyzer.functions().resolveAggregateCall(call.name(), described);
    } catch (NotLiteralArgument error) {
      Expression given = call.arguments().get(error.argumentIndex());
      throw new PlanningException(
          given.location(),
          error.getMessage() + ", but was expression: '" + SqlFormatter.format(given) + "'");
    } catch (FunctionException error) {
      throw new PlanningException(call.location(), error.getMessage());
    }
    int rows = resolved.parameterTypes().size();
    List<RexNode> converted = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      converted.add(
          analyzer
              .coercions()
              .coerce(arguments.get(i), resolved.parameterTypes().get(i), call.arguments().get(i)));
    }
    // The registry took only literals as initial arguments.
    List<RexLiteral> init = new ArrayList<>();
    for (Expression argument : call.arguments().subList(rows, call.arguments().size())) {
      init.add((RexLiteral) analyzer.coercions().literal((Literal) argument));
    }
    return new AggregateSpec(
        resolved.name(), converted, init, resolved.returnType(), resolved.aggregator().canUndo());
  }

  /** The input scope for aggregate arguments, where a nested aggregate is an error. */
  private static final class NoNesting implements ExpressionScope {
    private final RowScope input;
    private final FunctionCall outer;

    NoNesting(RowScope input, FunctionCall outer) {
      this.input = input;
      this.outer = outer;
    }

    @Override
    public RexNode column(ColumnRef ref) {
      return input.column(ref);
    }

    @Override
    public RexNode aggregate(FunctionCall call, ExpressionAnalyzer analyzer) {
      throw new PlanningException(
          call.location(),
          "Aggregate functions can not be nested: " + outer.name() + "(" + call.name() + "())");
    }
  }
}
