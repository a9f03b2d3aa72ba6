package dev.millrace.planner;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.parser.ast.AliasedSource;
import dev.millrace.parser.ast.Query;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.SourceType;
import dev.millrace.planner.explain.ExprText;
import dev.millrace.planner.logical.LogicalQuery;
import dev.millrace.planner.logical.PlanningContext;
import dev.millrace.planner.logical.QueryPlanner;
import dev.millrace.planner.physical.ExprTranslator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;

/**
 * Plans pull queries ({@code SELECT ... FROM source [WHERE ...]} without EMIT): for a table, a
 * lookup of the keys the WHERE clause pins down, or a scan, over its materialised state; for a
 * stream, a scan of its topic up to the end offsets at the query's start; then a filter and a
 * projection.
 */
final class PullQueryPlanner {
  private final Catalog catalog;
  private final FunctionRegistry functions;

  PullQueryPlanner(Catalog catalog, FunctionRegistry functions) {
    this.catalog = catalog;
    this.functions = functions;
  }

  PlannedStatement plan(Query query) {
    if (!(query.from() instanceof AliasedSource from)) {
      throw new PlanningException(
          query.from().location(), "Pull queries don't support JOIN clauses.");
    }
    if (!query.groupBy().isEmpty()
        || query.window().isPresent()
        || !query.partitionBy().isEmpty()
        || query.having().isPresent()) {
      throw new PlanningException(
          query.location(),
          "Pull queries don't support GROUP BY, WINDOW, PARTITION BY or "
              + "HAVING clauses. Add EMIT CHANGES for a push query.");
    }
    DataSource table =
        catalog
            .source(from.name())
            .orElseThrow(
                () -> new PlanningException(from.location(), from.name() + " does not exist."));
    boolean stream = table.type() == SourceType.STREAM;
    if (!stream && !table.createdByQuery() && !table.readOnly()) {
      throw new PlanningException(
          from.location(),
          "The table "
              + table.name()
              + " is not materialized, so pull "
              + "queries cannot read it: they read tables made by CREATE TABLE AS SELECT or CREATE SOURCE TABLE. Add "
              + "EMIT CHANGES for a push query.");
    }
    PlanningContext context = new PlanningContext(catalog, functions);
    LogicalQuery planned = new QueryPlanner(context).plan(query, Optional.empty(), false);
    Project project = (Project) planned.root();
    RelNode below = project.getInput();
    Optional<RexNode> condition = Optional.empty();
    if (below instanceof Filter filter) {
      condition = Optional.of(filter.getCondition());
      below = filter.getInput();
    }
    ExprTranslator translator =
        new ExprTranslator(
            context.types(),
            context.relBuilder().getRexBuilder(),
            below.getRowType().getFieldNames());
    Optional<Expr> filter =
        below instanceof TableScan
            ? condition.map(translator::translate)
            : Optional.of(new Expr.Literal(false, dev.millrace.engine.types.SqlType.BOOLEAN));
    // A stream has no rows by key: its pull query scans the topic, and the filter does the rest.
    Optional<List<List<Object>>> keys =
        stream
            ? Optional.empty()
            : condition.flatMap(
                c ->
                    new KeyLookups(table, translator, context.relBuilder().getRexBuilder())
                        .keys(c));
    List<Expr> projection = translator.translateAll(project.getProjects());
    String explain =
        "Logical plan:\n"
            + RelOptUtil.toString(planned.root())
            + "\nPull query:\n  "
            + table.type().lowerName()
            + ": "
            + table.name()
            + "\n  keys: "
            + keys.map(Object::toString).orElse("all (scan)")
            + "\n  filter: "
            + filter.map(ExprText::of).orElse("none")
            + "\n  projection: "
            + projection.stream().map(ExprText::of).collect(Collectors.joining(", "))
            + "\n";
    return new PlannedStatement.PullQuery(
        table, keys, filter, projection, planned.columns(), query.limit(), explain);
  }
}
