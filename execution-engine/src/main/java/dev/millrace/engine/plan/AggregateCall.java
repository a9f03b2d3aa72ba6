package dev.millrace.engine.plan;

import dev.millrace.engine.types.SqlType;
import java.util.List;

/**
 * One aggregate function applied in an aggregation step, by its upper-case name in the engine's
 * function library: arguments evaluated per input row, and literal initialisation arguments (e.g.
 * TOPK's k) fixed for the query. COUNT(*) has no arguments.
 */
public record AggregateCall(
    String name, List<Expr> arguments, List<Expr.Literal> initArguments, SqlType type) {
  public AggregateCall {
    arguments = List.copyOf(arguments);
    initArguments = List.copyOf(initArguments);
  }
}
