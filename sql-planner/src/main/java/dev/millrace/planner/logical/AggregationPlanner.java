package dev.millrace.planner.logical;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ast.EmitMode;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.analysis.AggregateCollector;
import dev.millrace.planner.analysis.AggregateScope;
import dev.millrace.planner.analysis.AggregateSpec;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.RowScope;
import dev.millrace.planner.analysis.SelectItemNames;
import dev.millrace.planner.analysis.Subexpressions;
import dev.millrace.planner.catalog.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Plans GROUP BY, the aggregate calls, WINDOW and HAVING. The input is first projected to the
 * grouping expressions followed by the aggregate arguments (ksqlDB's "prepare" step), so the
 * aggregation groups by its first fields; windowed aggregations become a {@link WindowedAggregate}.
 * A table may be aggregated (its changes are undone and redone) by aggregates that can undo a row,
 * without windows, as in ksqlDB.
 */
final class AggregationPlanner {

  /** The aggregation's output: where SELECT resolves, its key, and its windowing. */
  record Result(AggregateScope selectScope, List<KeySlot> keys, Optional<WindowInfo> window) {}

  private final PlanningContext context;

  AggregationPlanner(PlanningContext context) {
    this.context = context;
  }

  static boolean isAggregation(
      Query query, ExpressionAnalyzer analyzer, List<Expression> selectExpressions) {
    if (!query.groupBy().isEmpty()) {
      return true;
    }
    List<Expression> all = new ArrayList<>(selectExpressions);
    query.having().ifPresent(all::add);
    return all.stream()
        .anyMatch(
            e ->
                Subexpressions.anyMatch(
                    e,
                    x ->
                        x instanceof FunctionCall f && analyzer.functions().isAggregate(f.name())));
  }

  Result plan(Query query, PlannedRelation from, List<Expression> selectExpressions) {
    ExpressionAnalyzer analyzer = context.analyzer();
    if (query.groupBy().isEmpty()) {
      FunctionCall first = firstAggregate(selectExpressions, query, analyzer);
      throw new PlanningException(
          first.location(),
          "Aggregate functions need a GROUP BY clause: "
              + SqlFormatter.format(first)
              + " is used without one.");
    }
    List<String> kafkaValued =
        from.sources().stream()
            .filter(
                n ->
                    context
                        .catalog()
                        .source(n)
                        .orElseThrow()
                        .formats()
                        .value()
                        .format()
                        .equals("KAFKA"))
            .toList();
    if (!kafkaValued.isEmpty()) {
      throw new PlanningException(
          query.groupBy().get(0).location(),
          "Source(s) "
              + String.join(", ", kafkaValued)
              + " are using the 'KAFKA' value format. This format does not yet support GROUP BY.");
    }
    boolean table = from.type() == SourceType.TABLE;
    if (table && query.window().isPresent()) {
      throw new PlanningException(
          query.window().get().location(), "Windowing not supported for table aggregations.");
    }
    if (!query.partitionBy().isEmpty()) {
      throw new PlanningException(
          query.partitionBy().get(0).location(),
          "PARTITION BY and GROUP BY cannot be used in the same query.");
    }
    RowScope groupScope = new RowScope(from.scope(), rex(), context.types(), "GROUP BY");
    List<RexNode> groupKeys = new ArrayList<>();
    List<String> groupNames = new ArrayList<>();
    for (Expression e : query.groupBy()) {
      RexNode key = analyzer.analyze(e, groupScope);
      if (groupKeys.contains(key)) {
        throw new PlanningException(
            e.location(), "Duplicate GROUP BY expression: " + SqlFormatter.format(e));
      }
      groupKeys.add(key);
      groupNames.add(SelectItemNames.natural(e, from.scope()).orElse(null));
    }
    // ksqlDB offers the window bounds to the SELECT of a windowed aggregation, but not over a join.
    boolean windowed = query.window().isPresent() && !from.scope().isJoin();
    boolean emitFinal = query.emit().filter(e -> e == EmitMode.FINAL).isPresent();
    RowScope input = new RowScope(from.scope(), rex(), context.types(), "SELECT");
    List<String> valueFormats =
        from.sources().stream()
            .map(n -> context.catalog().source(n).orElseThrow().formats().value().format())
            .toList();
    List<AggregateSpec> aggregates =
        collect(query, selectExpressions, input, windowed, table, analyzer, valueFormats);
    RelNode aggregation =
        aggregate(
            groupKeys,
            SelectItemNames.complete(groupNames),
            aggregates,
            query.window().map(w -> Windows.of(w, emitFinal)),
            emitFinal);
    context.relBuilder().push(aggregation);
    query
        .having()
        .ifPresent(
            h ->
                context
                    .relBuilder()
                    .filter(
                        analyzer.condition(
                            h,
                            new AggregateScope(input, groupKeys, aggregates, windowed, "HAVING"),
                            "HAVING")));
    List<KeySlot> keys = new ArrayList<>();
    for (int i = 0; i < groupKeys.size(); i++) {
      String text = SqlFormatter.format(query.groupBy().get(i));
      keys.add(
          new KeySlot(
              List.of(rex().makeInputRef(groupKeys.get(i).getType(), i)),
              "grouping expression",
              text,
              text,
              false));
    }
    return new Result(
        new AggregateScope(input, groupKeys, aggregates, windowed, "SELECT"),
        keys,
        query.window().map(w -> Windows.of(w, emitFinal)));
  }

  private List<AggregateSpec> collect(
      Query query,
      List<Expression> selectExpressions,
      RowScope input,
      boolean windowed,
      boolean table,
      ExpressionAnalyzer analyzer,
      List<String> valueFormats) {
    AggregateCollector collector = new AggregateCollector(input, windowed, analyzer);
    selectExpressions.forEach(collector::visit);
    query.having().ifPresent(collector::visit);
    List<AggregateSpec> aggregates = collector.aggregates();
    if (aggregates.isEmpty()) {
      throw new PlanningException(
          query.groupBy().get(0).location(),
          "GROUP BY requires aggregate functions in either the SELECT or HAVING clause.");
    }
    if (table && !collector.callsWithoutUndo().isEmpty()) {
      throw withoutUndo(collector.callsWithoutUndo());
    }
    checkStateFormat(aggregates, collector.firstCalls(), valueFormats);
    return aggregates;
  }

  /**
   * As in ksqlDB, which keeps an aggregate's state in the value format of the data it reads, an
   * aggregate whose state is an ARRAY, MAP or STRUCT (AVG, STDDEV_SAMPLE, CORRELATION, TOPK, ...)
   * cannot read a source whose value format has no such types (DELIMITED).
   */
  private static void checkStateFormat(
      List<AggregateSpec> aggregates, List<FunctionCall> calls, List<String> valueFormats) {
    for (int i = 0; i < aggregates.size(); i++) {
      List<Column> state = List.of(new Column("STATE", aggregates.get(i).accumulatorType()));
      for (String format : valueFormats) {
        SerdeFormat serde = SerdeFormat.named(format);
        if (serde != SerdeFormat.NONE && serde.unsupported(state, false).isPresent()) {
          throw new PlanningException(
              calls.get(i).location(),
              "One of the functions used in the statement has an intermediate type that the value"
                  + " format can not handle. Please remove the function or change the format.");
        }
      }
    }
  }

  /**
   * A table's updates and deletes take rows back out of their groups, which aggregates without an
   * undo (MIN, MAX, LATEST_BY_OFFSET, ...) cannot do; the error names them all, at the first.
   */
  private static PlanningException withoutUndo(List<FunctionCall> calls) {
    List<String> names =
        calls.stream().map(c -> c.name().toUpperCase(Locale.ROOT)).distinct().toList();
    String list =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " and "
                + names.get(names.size() - 1);
    return new PlanningException(
        calls.get(0).location(),
        "The aggregation function"
            + (names.size() == 1 ? " " : "s ")
            + list
            + " cannot be applied to a table source, only to a stream source.");
  }

  private RelNode aggregate(
      List<RexNode> groupKeys,
      List<String> groupNames,
      List<AggregateSpec> aggregates,
      Optional<WindowInfo> window,
      boolean emitFinal) {
    RelBuilder builder = context.relBuilder();
    List<RexNode> prepared = new ArrayList<>(groupKeys);
    List<String> names = new ArrayList<>(groupNames);
    List<List<Integer>> argumentFields = new ArrayList<>();
    for (AggregateSpec spec : aggregates) {
      List<Integer> fields = new ArrayList<>();
      for (RexNode argument : spec.arguments()) {
        int index = prepared.indexOf(argument);
        if (index < 0) {
          index = prepared.size();
          prepared.add(argument);
          names.add("KSQL_AGG_ARG_" + index);
        }
        fields.add(index);
      }
      argumentFields.add(fields);
    }
    builder.projectNamed(prepared, names, true);
    RelNode input = builder.build();
    List<AggregateCall> calls = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      AggregateSpec spec = aggregates.get(i);
      org.apache.calcite.rel.type.RelDataType type = context.types().toRel(spec.type());
      calls.add(
          AggregateCall.create(
              MillraceOperators.aggregate(spec.name(), type),
              false,
              false,
              false,
              List.copyOf(spec.initArguments()),
              argumentFields.get(i),
              -1,
              null,
              RelCollations.EMPTY,
              type,
              "KSQL_AGG_VARIABLE_" + i));
    }
    if (window.isPresent()) {
      return new WindowedAggregate(
          input.getCluster(),
          input.getTraitSet(),
          input,
          groupKeys.size(),
          calls,
          window.get(),
          emitFinal);
    }
    return LogicalAggregate.create(
        input, List.of(), ImmutableBitSet.range(groupKeys.size()), null, calls);
  }

  private static FunctionCall firstAggregate(
      List<Expression> selectExpressions, Query query, ExpressionAnalyzer analyzer) {
    List<Expression> all = new ArrayList<>(selectExpressions);
    query.having().ifPresent(all::add);
    for (Expression e : all) {
      List<Expression> found =
          Subexpressions.all(
              e, x -> x instanceof FunctionCall f && analyzer.functions().isAggregate(f.name()));
      if (!found.isEmpty()) {
        return (FunctionCall) found.get(0);
      }
    }
    throw new IllegalStateException("no aggregate in an aggregation");
  }

  private org.apache.calcite.rex.RexBuilder rex() {
    return context.relBuilder().getRexBuilder();
  }
}
