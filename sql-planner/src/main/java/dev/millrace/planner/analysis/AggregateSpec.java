package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * One aggregate call of a query, typed by the function registry.
 *
 * @param name the function's upper-case name
 * @param arguments per-row arguments over the aggregation's input row, converted to the overload's
 *     types
 * @param initArguments the literal arguments that configure the aggregate (e.g. TOPK's k)
 * @param type the result type
 * @param canUndo whether the aggregate can take a row back out, as aggregating a table needs
 * @param accumulatorType the type of the state it keeps per group
 */
public record AggregateSpec(
    String name,
    List<RexNode> arguments,
    List<RexLiteral> initArguments,
    SqlType type,
    boolean canUndo,
    SqlType accumulatorType) {
  public AggregateSpec {
    arguments = List.copyOf(arguments);
    initArguments = List.copyOf(initArguments);
  }
}
