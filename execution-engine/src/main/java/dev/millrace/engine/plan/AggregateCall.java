package dev.millrace.engine.plan;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Map;

/**
 * One aggregate function applied in an aggregation step, by its upper-case name in the engine's
 * function library: arguments evaluated per input row, and literal initialisation arguments (e.g.
 * TOPK's k) fixed for the query. COUNT(*) has no arguments. {@code settings} are the function's
 * {@code ksql.functions.<name>.<setting>} properties when the query was planned, by setting (e.g.
 * {@code limit} for COLLECT_SET); a plan stored without them has none.
 */
public record AggregateCall(
    String name,
    List<Expr> arguments,
    List<Expr.Literal> initArguments,
    SqlType type,
    Map<String, String> settings) {
  public AggregateCall {
    arguments = List.copyOf(arguments);
    initArguments = List.copyOf(initArguments);
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** A call with no settings. */
  public AggregateCall(
      String name, List<Expr> arguments, List<Expr.Literal> initArguments, SqlType type) {
    this(name, arguments, initArguments, type, Map.of());
  }
}
