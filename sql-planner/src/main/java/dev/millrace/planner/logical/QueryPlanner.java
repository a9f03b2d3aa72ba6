package dev.millrace.planner.logical;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.AllColumns;
import dev.millrace.parser.ast.AllStructFields;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Dereference;
import dev.millrace.parser.ast.EmitMode;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.FunctionCall;
import dev.millrace.parser.ast.NullLiteral;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.SelectItem;
import dev.millrace.parser.ast.SingleColumn;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.ExpressionScope;
import dev.millrace.planner.analysis.RowScope;
import dev.millrace.planner.analysis.Scope;
import dev.millrace.planner.analysis.ScopeColumn;
import dev.millrace.planner.analysis.SelectItemNames;
import dev.millrace.planner.analysis.Subexpressions;
import dev.millrace.planner.catalog.SourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/**
 * Builds the logical plan of a query with Calcite's {@link RelBuilder}: FROM (scans, joins), WHERE,
 * then either GROUP BY / WINDOW / HAVING or PARTITION BY, then the SELECT projection. The result
 * records the output columns and which of them form the key.
 */
public final class QueryPlanner {
  private final PlanningContext context;
  private final boolean newProjectionRules;

  /** A planner with ksqlDB's default projection rules for persistent queries. */
  public QueryPlanner(PlanningContext context) {
    this(context, false);
  }

  /**
   * {@code newProjectionRules}: {@code ksql.new.query.planner.enabled}'s rules for persistent
   * queries: a plain stream query may leave out the key (its result then has none), and a stream's
   * key columns take the order the projection gives them rather than the source's.
   */
  public QueryPlanner(PlanningContext context, boolean newProjectionRules) {
    this.context = context;
    this.newProjectionRules = newProjectionRules;
  }

  /**
   * Plans a query body. {@code sinkName} names the persistent query's target in messages; it is
   * empty for transient (push and pull) queries, which are held to fewer projection rules.
   */
  public LogicalQuery plan(Query query, Optional<String> sinkName, boolean persistent) {
    ExpressionAnalyzer analyzer = context.analyzer();
    RelBuilder builder = context.relBuilder();
    PlannedRelation from = new FromPlanner(context).plan(query.from());
    query
        .where()
        .ifPresent(
            w ->
                builder.filter(
                    analyzer.condition(
                        w,
                        new RowScope(
                            from.scope(), builder.getRexBuilder(), context.types(), "WHERE"),
                        "WHERE")));
    // A join's sides keep their window bounds as values, so its * lists them as ksqlDB does (a
    // persistent query of one windowed source has them in its key instead).
    List<SelectPlanner.Item> items = expand(query, from, !persistent || from.scope().isJoin());
    List<Expression> selectExpressions =
        items.stream().map(SelectPlanner.Item::expression).toList();
    boolean aggregating = AggregationPlanner.isAggregation(query, analyzer, selectExpressions);
    List<FunctionCall> tableFunctions = new ArrayList<>();
    selectExpressions.forEach(e -> collectTableFunctions(e, tableFunctions));
    if (aggregating && !tableFunctions.isEmpty()) {
      throw new PlanningException(
          tableFunctions.get(0).location(), "Table functions cannot be used with aggregations.");
    }
    boolean emitFinal = query.emit().filter(e -> e == EmitMode.FINAL).isPresent();
    if (emitFinal && (!aggregating || query.window().isEmpty())) {
      throw new PlanningException(
          query.location(), "EMIT FINAL is only supported for windowed aggregations.");
    }
    if (!aggregating) {
      query
          .window()
          .ifPresent(
              w -> {
                throw new PlanningException(
                    w.location(), "WINDOW clause requires a GROUP BY clause.");
              });
      query
          .having()
          .ifPresent(
              h -> {
                throw new PlanningException(
                    h.location(), "HAVING clause requires a GROUP BY clause.");
              });
    }
    ExpressionScope selectScope;
    List<KeySlot> keys;
    SourceType type;
    Optional<dev.millrace.engine.plan.WindowInfo> window;
    if (aggregating) {
      AggregationPlanner.Result aggregation =
          new AggregationPlanner(context).plan(query, from, selectExpressions);
      selectScope = aggregation.selectScope();
      keys = aggregation.keys();
      type = SourceType.TABLE;
      window = aggregation.window();
    } else {
      keys = query.partitionBy().isEmpty() ? from.keys() : partition(query, from);
      RowScope rowScope =
          new RowScope(from.scope(), builder.getRexBuilder(), context.types(), "SELECT");
      selectScope = tableFunctions.isEmpty() ? rowScope : flatMap(tableFunctions, from, rowScope);
      type = from.type();
      window = query.partitionBy().isEmpty() ? from.window() : Optional.empty();
    }
    boolean keysOptional =
        newProjectionRules
            && !aggregating
            && query.partitionBy().isEmpty()
            && !from.scope().isJoin()
            && type == SourceType.STREAM;
    Set<String> inputNames = new HashSet<>();
    from.scope().columns().forEach(c -> inputNames.add(c.name()));
    SelectPlanner.Result projection =
        new SelectPlanner(analyzer)
            .plan(items, selectScope, keys, persistent, sinkName, keysOptional, inputNames);
    List<Integer> keyPositions = projection.keyPositions();
    if (newProjectionRules && type == SourceType.STREAM) {
      // A table's key stays in its own order: a table is never re-keyed in place.
      keyPositions = keyPositions.stream().sorted().toList();
    }
    builder.projectNamed(
        projection.nodes(), projection.columns().stream().map(c -> c.name()).toList(), true);
    RelNode root = builder.build();
    return new LogicalQuery(root, projection.columns(), keyPositions, type, window, from.sources());
  }

  /** The outermost table function calls in an expression, in the order they are written. */
  private void collectTableFunctions(Expression e, List<FunctionCall> calls) {
    if (context.analyzer().isTableFunctionCall(e)) {
      calls.add((FunctionCall) e);
      return;
    }
    Subexpressions.of(e).forEach(child -> collectTableFunctions(child, calls));
  }

  /**
   * Puts a {@link FlatMap} calling the table functions (analysed over the input row) on the
   * builder, and returns the SELECT scope in which each call is the flat map's column for it.
   */
  private ExpressionScope flatMap(
      List<FunctionCall> calls, PlannedRelation from, RowScope rowScope) {
    if (from.type() == SourceType.TABLE) {
      throw new PlanningException(
          calls.get(0).location(), "Table source is not supported with table functions");
    }
    RelBuilder builder = context.relBuilder();
    List<RexNode> nodes = new ArrayList<>();
    for (FunctionCall call : calls) {
      nodes.add(context.analyzer().tableFunctionCall(call, rowScope));
    }
    RelNode input = builder.build();
    FlatMap flatMap = new FlatMap(input.getCluster(), input.getTraitSet(), input, nodes);
    builder.push(flatMap);
    int first = input.getRowType().getFieldCount();
    IdentityHashMap<Expression, RexNode> columns = new IdentityHashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      columns.put(calls.get(i), builder.getRexBuilder().makeInputRef(flatMap, first + i));
    }
    return new TableFunctionScope(rowScope, columns);
  }

  private List<KeySlot> partition(Query query, PlannedRelation from) {
    if (from.type() == SourceType.TABLE) {
      throw new PlanningException(
          query.partitionBy().get(0).location(),
          "PARTITION BY is only supported on streams; tables are keyed by their PRIMARY KEY.");
    }
    RelBuilder builder = context.relBuilder();
    RowScope scope =
        new RowScope(from.scope(), builder.getRexBuilder(), context.types(), "PARTITION BY");
    List<RexNode> keys = new ArrayList<>();
    List<KeySlot> slots = new ArrayList<>();
    boolean byNull =
        query.partitionBy().size() == 1 && query.partitionBy().get(0) instanceof NullLiteral;
    if (!byNull) {
      for (Expression e : query.partitionBy()) {
        RexNode key = context.analyzer().analyze(e, scope);
        if (context.analyzer().typeOf(key) == null) {
          throw new PlanningException(
              e.location(), "PARTITION BY NULL must be the only PARTITION BY expression.");
        }
        keys.add(key);
        String text = SqlFormatter.format(e);
        slots.add(new KeySlot(List.of(key), "partitioning expression", text, text, false));
      }
    }
    RelNode input = builder.build();
    builder.push(new PartitionBy(input.getCluster(), input.getTraitSet(), input, keys));
    return slots;
  }

  private List<SelectPlanner.Item> expand(Query query, PlannedRelation from, boolean windowBounds) {
    Scope scope = from.scope();
    List<SelectPlanner.Item> items = new ArrayList<>();
    for (SelectItem item : query.select()) {
      if (item instanceof SingleColumn s) {
        items.add(
            new SelectPlanner.Item(
                s.expression(),
                s.alias().orElse(SelectItemNames.natural(s.expression(), scope).orElse(null)),
                s.alias().isPresent(),
                s.location(),
                false));
      } else if (item instanceof AllColumns all) {
        all.source().ifPresent(q -> from.scope().checkSource(q, all.location()));
        items.addAll(
            query.partitionBy().isEmpty()
                ? star(all, from.scope(), windowBounds)
                : partitionedStar(all, query.partitionBy(), from.scope()));
      } else {
        items.addAll(structFields((AllStructFields) item, from.scope()));
      }
    }
    return items;
  }

  private static List<SelectPlanner.Item> star(AllColumns all, Scope scope, boolean windowBounds) {
    List<SelectPlanner.Item> items = new ArrayList<>();
    for (ScopeColumn column : scope.star(all.source().orElse(null), windowBounds)) {
      items.add(starItem(column, all, scope));
    }
    return items;
  }

  /**
   * {@code *} after PARTITION BY, as ksqlDB lays it out: the partitioning expressions, then the
   * value columns, then the old key columns, leaving out columns that became the key. After a join,
   * the re-keyed rows are the join's result, whose columns are all plain value columns: {@code *}
   * then expands to every column of the joined rows in row order, the sides' pseudo columns
   * included.
   */
  private List<SelectPlanner.Item> partitionedStar(
      AllColumns all, List<Expression> partitionBy, Scope scope) {
    List<SelectPlanner.Item> items = new ArrayList<>();
    Set<ScopeColumn> keyColumns = new HashSet<>();
    for (Expression e : partitionBy) {
      if (e instanceof NullLiteral) {
        continue;
      }
      String name = SelectItemNames.natural(e, scope).orElse(null);
      if (e instanceof ColumnRef ref) {
        ScopeColumn column = scope.resolve(ref);
        keyColumns.add(column);
        name = starName(column, scope);
      }
      items.add(new SelectPlanner.Item(e, name, false, all.location(), true));
    }
    List<ScopeColumn> ordered = new ArrayList<>();
    if (scope.isJoin()) {
      ordered.addAll(scope.layout(all.source().orElse(null)));
    } else {
      scope.star(null).stream()
          .filter(c -> c.kind() == ScopeColumn.Kind.VALUE)
          .forEach(ordered::add);
      scope.star(null).stream().filter(c -> c.kind() == ScopeColumn.Kind.KEY).forEach(ordered::add);
    }
    for (ScopeColumn column : ordered) {
      if (!keyColumns.contains(column)) {
        items.add(starItem(column, all, scope));
      }
    }
    return items;
  }

  /** One column as {@code *} selects it. */
  private static SelectPlanner.Item starItem(ScopeColumn column, AllColumns all, Scope scope) {
    // A join's synthetic key belongs to no source: it keeps its own name and is named unqualified.
    boolean ofSource = scope.sources().contains(column.source());
    Optional<String> qualifier = ofSource ? Optional.of(column.source()) : Optional.empty();
    return new SelectPlanner.Item(
        new ColumnRef(qualifier, column.name(), all.location()),
        starName(column, scope),
        false,
        all.location(),
        true);
  }

  /** The name {@code *} gives a column: in a join, a source's column is {@code <source>_<name>}. */
  private static String starName(ScopeColumn column, Scope scope) {
    return scope.isJoin() && scope.sources().contains(column.source())
        ? column.source() + "_" + column.name()
        : column.name();
  }

  private List<SelectPlanner.Item> structFields(AllStructFields item, Scope scope) {
    RexNode struct =
        context
            .analyzer()
            .analyze(
                item.struct(),
                new RowScope(
                    scope, context.relBuilder().getRexBuilder(), context.types(), "SELECT"));
    SqlType type = context.analyzer().typeOf(struct);
    if (!(type instanceof SqlType.Struct s)) {
      throw new PlanningException(
          item.location(),
          "Expected STRUCT type for "
              + SqlFormatter.format(item.struct())
              + "->*, got "
              + (type == null ? "NULL" : type.toSql()));
    }
    List<SelectPlanner.Item> items = new ArrayList<>();
    for (SqlType.Field field : s.fields()) {
      items.add(
          new SelectPlanner.Item(
              new Dereference(item.struct(), field.name(), item.location()),
              field.name(),
              false,
              item.location(),
              true));
    }
    return items;
  }
}
