package dev.millrace.planner.analysis;

import dev.millrace.engine.function.FunctionException;
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
 * aggregate's initial arguments, the overload chosen by the function registry.
 */
final class AggregateCalls {
  private AggregateCalls() {}

  static AggregateSpec analyze(FunctionCall call, RowScope input, ExpressionAnalyzer analyzer) {
    int count = call.arguments().size();
    int rowArgs = analyzer.functions().aggregateRowArgumentCount(call.name(), count).orElse(count);
    ExpressionScope noNesting = new NoNesting(input, call);
    List<RexNode> arguments = new ArrayList<>();
    List<SqlType> argumentTypes = new ArrayList<>();
    for (Expression argument : call.arguments().subList(0, rowArgs)) {
      RexNode node = analyzer.analyze(argument, noNesting);
      arguments.add(node);
      argumentTypes.add(analyzer.typeOf(node));
    }
    List<RexLiteral> init = new ArrayList<>();
    List<Object> initValues = new ArrayList<>();
    for (Expression argument : call.arguments().subList(rowArgs, count)) {
      if (!(argument instanceof Literal literal)) {
        throw new PlanningException(
            argument.location(),
            "Parameter "
                + SqlFormatter.format(argument)
                + " of "
                + call.name()
                + " must be a literal.");
      }
      init.add((RexLiteral) analyzer.coercions().literal(literal));
      initValues.add(literal.value());
    }
    ResolvedAggregate resolved;
    try {
      resolved = analyzer.functions().resolveAggregate(call.name(), argumentTypes, initValues);
    } catch (FunctionException error) {
      throw new PlanningException(call.location(), error.getMessage());
    }
    List<RexNode> converted = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      converted.add(
          analyzer
              .coercions()
              .coerce(arguments.get(i), resolved.parameterTypes().get(i), call.arguments().get(i)));
    }
    return new AggregateSpec(
        resolved.name(),
        converted,
        init,
        resolved.returnType(),
        resolved.aggregator().canUndo(),
        resolved.aggregator().accumulatorType());
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
