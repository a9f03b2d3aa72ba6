package dev.millrace.planner.logical;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.AliasedSource;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.Join;
import dev.millrace.parser.ast.Logical;
import dev.millrace.parser.ast.Relation;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.analysis.ClosestNames;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.RowScope;
import dev.millrace.planner.analysis.Scope;
import dev.millrace.planner.analysis.ScopeColumn;
import dev.millrace.planner.analysis.Subexpressions;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.SourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans the FROM clause: scans of catalog sources and stream-table joins on the table's primary
 * key, checked as ksqlDB checks them; joins of two tables go to {@link TableTableJoinPlanner}. A
 * join on an expression adds it as an extra field of the stream side, so the join condition always
 * compares fields. Beyond ksqlDB, a table whose primary key has several columns is joined on a
 * conjunction of equalities, one per key column, and the result is keyed by all of them.
 */
final class FromPlanner {
  private final PlanningContext context;

  FromPlanner(PlanningContext context) {
    this.context = context;
  }

  PlannedRelation plan(Relation relation) {
    if (relation instanceof AliasedSource source) {
      return scan(source);
    }
    return join((Join) relation);
  }

  private PlannedRelation scan(AliasedSource aliased) {
    DataSource source = lookup(aliased);
    context.relBuilder().scan(source.name());
    Scope scope = Scope.ofSource(aliased.qualifier(), source, 0);
    List<KeySlot> keys = new ArrayList<>();
    for (ScopeColumn column : scope.columns()) {
      if (column.kind() == ScopeColumn.Kind.KEY) {
        keys.add(
            new KeySlot(
                List.of(ref(column.index(), column.type())),
                "key column",
                column.name(),
                column.name(),
                false));
      }
    }
    return new PlannedRelation(
        scope, keys, source.type(), source.formats().keyWindow(), List.of(source.name()));
  }

  DataSource lookup(AliasedSource aliased) {
    return context
        .catalog()
        .source(aliased.name())
        .orElseThrow(
            () ->
                new PlanningException(
                    aliased.location(),
                    aliased.name() + " does not exist." + hint(aliased.name())));
  }

  private String hint(String name) {
    return ClosestNames.hint(
        name, context.catalog().sources().stream().map(DataSource::name).toList());
  }

  private PlannedRelation join(Join join) {
    PlannedRelation left = plan(join.left());
    DataSource rightSource = lookup(join.right());
    if (left.type() == SourceType.STREAM && rightSource.type() == SourceType.STREAM) {
      return new StreamStreamJoinPlanner(context, this).plan(join, left, rightSource);
    }
    if (left.type() == SourceType.TABLE && rightSource.type() == SourceType.TABLE) {
      return new TableTableJoinPlanner(context, this).plan(join, left, rightSource);
    }
    checkShape(join, left, rightSource);
    int leftWidth = context.relBuilder().peek().getRowType().getFieldCount();
    Scope rightAlone = Scope.ofSource(join.right().qualifier(), rightSource, 0);
    if (left.scope().sources().contains(join.right().qualifier())) {
      throw new PlanningException(
          join.right().location(),
          "Cannot join " + join.right().qualifier() + " to itself without an alias.");
    }
    List<KeyEquality> equalities =
        keyEqualities(
            join, conjuncts(join, left.scope(), join.right().qualifier()), rightSource, rightAlone);
    ExpressionAnalyzer analyzer = context.analyzer();
    RelBuilder builder = context.relBuilder();
    List<RexNode> leftKeys = new ArrayList<>();
    List<Integer> leftKeyFields = new ArrayList<>();
    List<RexNode> extraFields = new ArrayList<>();
    for (KeyEquality equality : equalities) {
      RexNode leftKey =
          analyzer.analyze(
              equality.sides().left(), new RowScope(left.scope(), rex(), context.types(), "JOIN"));
      checkTypes(equality.sides(), analyzer.typeOf(leftKey), equality.tableKey().type());
      leftKeys.add(leftKey);
      if (leftKey instanceof RexInputRef ref) {
        leftKeyFields.add(ref.getIndex());
      } else {
        leftKeyFields.add(leftWidth + extraFields.size());
        extraFields.add(leftKey);
      }
    }
    WindowedJoinRules.streamTable(
        join,
        left.window(),
        context.catalog().source(left.sources().get(0)).orElseThrow().formats().key().format(),
        rightSource,
        keyedByJoinKey(left, leftKeys));
    if (!extraFields.isEmpty()) {
      List<RexNode> fields = new ArrayList<>(builder.fields());
      List<String> names = new ArrayList<>(builder.peek().getRowType().getFieldNames());
      for (int i = 0; i < extraFields.size(); i++) {
        fields.add(extraFields.get(i));
        names.add(i == 0 ? "KSQL_JOIN_KEY" : "KSQL_JOIN_KEY_" + i);
      }
      builder.projectNamed(fields, names, true);
      leftWidth += extraFields.size();
    }
    builder.scan(rightSource.name());
    List<RexNode> conditions = new ArrayList<>();
    List<RexNode> leftRefs = new ArrayList<>();
    List<RexNode> rightRefs = new ArrayList<>();
    for (int i = 0; i < equalities.size(); i++) {
      ScopeColumn rightKey = equalities.get(i).tableKey();
      leftRefs.add(ref(leftKeyFields.get(i), rightKey.type()));
      rightRefs.add(ref(leftWidth + rightKey.index(), rightKey.type()));
      conditions.add(rex().makeCall(SqlStdOperatorTable.EQUALS, leftRefs.get(i), rightRefs.get(i)));
    }
    builder.join(join.type() == Join.Type.LEFT ? JoinRelType.LEFT : JoinRelType.INNER, conditions);
    Scope scope =
        left.scope().join(Scope.ofSource(join.right().qualifier(), rightSource, leftWidth));
    List<KeySlot> keys = new ArrayList<>();
    for (int i = 0; i < equalities.size(); i++) {
      Sides sides = equalities.get(i).sides();
      RexNode leftKey = leftKeys.get(i);
      Set<RexNode> candidates = new LinkedHashSet<>();
      if (left.keys().size() == equalities.size()
          && left.keys().get(i).repeatable()
          && left.keys().get(i).matches(leftKey)) {
        candidates.addAll(left.keys().get(i).candidates());
      }
      candidates.addAll(List.of(leftKey, leftRefs.get(i), rightRefs.get(i)));
      keys.add(
          new KeySlot(
              List.copyOf(candidates),
              "join expressions",
              SqlFormatter.format(sides.left()) + " or " + SqlFormatter.format(sides.right()),
              SqlFormatter.format(sides.left()),
              true));
    }
    List<String> sources = new ArrayList<>(left.sources());
    sources.add(rightSource.name());
    return new PlannedRelation(scope, keys, SourceType.STREAM, left.window(), sources);
  }

  /** Whether the stream side is joined on its own key columns, in key order. */
  private static boolean keyedByJoinKey(PlannedRelation left, List<RexNode> leftKeys) {
    if (left.keys().size() != leftKeys.size()) {
      return false;
    }
    for (int i = 0; i < leftKeys.size(); i++) {
      if (!left.keys().get(i).matches(leftKeys.get(i))) {
        return false;
      }
    }
    return true;
  }

  static void checkTypes(Sides sides, SqlType leftType, SqlType rightType) {
    if (leftType == null || !leftType.equals(rightType)) {
      throw new PlanningException(
          sides.where().location(),
          "Invalid join condition: types don't match. Got "
              + SqlFormatter.format(sides.left())
              + "{"
              + (leftType == null ? "NULL" : leftType.toSql())
              + "} = "
              + SqlFormatter.format(sides.right())
              + "{"
              + rightType.toSql()
              + "}.");
    }
  }

  private void checkShape(Join join, PlannedRelation left, DataSource right) {
    String shown =
        String.join(", ", left.sources()) + " " + joinText(join.type()) + " " + right.name();
    if (left.type() == SourceType.TABLE && right.type() == SourceType.STREAM) {
      throw new PlanningException(
          join.location(),
          "Invalid join order: table-stream joins are not supported; only stream-table joins. Got "
              + shown
              + ".");
    }
    if (join.type() == Join.Type.FULL || join.type() == Join.Type.RIGHT) {
      String kind = join.type() == Join.Type.FULL ? "full-outer" : "right-outer";
      throw new PlanningException(
          join.location(),
          "Invalid join type: "
              + kind
              + " join not supported for stream-table join. Got "
              + shown
              + ".");
    }
    if (join.within().isPresent()) {
      throw new PlanningException(
          join.within().get().location(),
          "WITHIN is only valid for stream-stream joins, not for stream-table joins.");
    }
    if (right.isWindowed() != left.window().isPresent()) {
      throw new PlanningException(
          join.location(), "Can not join windowed source to non-windowed source.");
    }
  }

  static String joinText(Join.Type type) {
    return switch (type) {
      case INNER -> "[INNER] JOIN";
      case LEFT -> "LEFT [OUTER] JOIN";
      case RIGHT -> "RIGHT [OUTER] JOIN";
      case FULL -> "[FULL] OUTER JOIN";
    };
  }

  /**
   * The two sides of one ON equality: {@code left} reads only the left sources, {@code right} only
   * the right one; {@code where} is the equality, for messages.
   */
  record Sides(Expression left, Expression right, Comparison where) {}

  /**
   * The sides of each equality of the ON clause, in order: a conjunction {@code a.x = b.x AND a.y =
   * b.y} joins on the tuple of its equalities.
   */
  List<Sides> conjuncts(Join join, Scope leftScope, String rightQualifier) {
    List<Sides> all = new ArrayList<>();
    addConjuncts(join.criteria(), join.criteria(), leftScope, rightQualifier, all);
    return all;
  }

  private void addConjuncts(
      Expression criteria,
      Expression whole,
      Scope leftScope,
      String rightQualifier,
      List<Sides> all) {
    if (criteria instanceof Logical and && and.operator() == Logical.Operator.AND) {
      addConjuncts(and.left(), whole, leftScope, rightQualifier, all);
      addConjuncts(and.right(), whole, leftScope, rightQualifier, all);
      return;
    }
    if (!(criteria instanceof Comparison c) || c.operator() != Comparison.Operator.EQUAL) {
      throw new PlanningException(
          criteria.location(),
          "Unsupported join criteria "
              + SqlFormatter.format(whole)
              + ": joins need equality comparisons (left = right), joined by AND.");
    }
    Set<Boolean> leftSides = sourcesOf(c.left(), leftScope, rightQualifier, c);
    Set<Boolean> rightSides = sourcesOf(c.right(), leftScope, rightQualifier, c);
    if (leftSides.size() != 1 || rightSides.size() != 1 || leftSides.equals(rightSides)) {
      Expression bad = leftSides.size() != 1 ? c.left() : c.right();
      throw new PlanningException(
          criteria.location(),
          "Invalid comparison expression '"
              + SqlFormatter.format(bad)
              + "' in join '"
              + SqlFormatter.format(c)
              + "'. Each side of the join comparision must contain references "
              + "from exactly one source.");
    }
    all.add(
        leftSides.contains(Boolean.TRUE)
            ? new Sides(c.right(), c.left(), c)
            : new Sides(c.left(), c.right(), c));
  }

  /** For each column a side names: true if it belongs to the right source. */
  private Set<Boolean> sourcesOf(
      Expression side, Scope leftScope, String rightQualifier, Comparison whole) {
    Set<Boolean> found = new LinkedHashSet<>();
    for (Expression e : Subexpressions.all(side, x -> x instanceof ColumnRef)) {
      ColumnRef ref = (ColumnRef) e;
      if (ref.source().isPresent()) {
        if (!ref.source().get().equals(rightQualifier)) {
          leftScope.checkSource(ref.source().get(), ref.location());
        }
        found.add(ref.source().get().equals(rightQualifier));
      } else {
        found.add(!leftScope.columns().stream().anyMatch(col -> col.name().equals(ref.name())));
      }
    }
    return found;
  }

  /** An equality of a stream-table join and the table's key column it compares with. */
  private record KeyEquality(Sides sides, ScopeColumn tableKey) {}

  /**
   * Pairs each equality with the table's key column it compares with, in the order of the table's
   * key: a stream-table join compares every key column of the table, each once, and nothing else.
   */
  private List<KeyEquality> keyEqualities(
      Join join, List<Sides> conjuncts, DataSource right, Scope rightScope) {
    List<KeyEquality> found = new ArrayList<>();
    for (Sides sides : conjuncts) {
      if (!(sides.right() instanceof ColumnRef ref)) {
        break;
      }
      ScopeColumn column =
          rightScope.resolve(new ColumnRef(java.util.Optional.empty(), ref.name(), ref.location()));
      if (column.kind() != ScopeColumn.Kind.KEY
          || found.stream().anyMatch(e -> e.tableKey().equals(column))) {
        break;
      }
      found.add(new KeyEquality(sides, column));
    }
    if (found.size() != conjuncts.size() || found.size() != right.schema().key().size()) {
      throw new PlanningException(
          join.criteria().location(),
          "Invalid join condition: stream-table joins require to join on the table's primary key"
              + (right.schema().key().size() > 1 ? ", every column of it" : "")
              + ". Got "
              + String.join(
                  " AND ",
                  conjuncts.stream()
                      .map(
                          c ->
                              SqlFormatter.format(c.left())
                                  + " = "
                                  + SqlFormatter.format(c.right()))
                      .toList())
              + ".");
    }
    found.sort(java.util.Comparator.comparingInt(e -> e.tableKey().index()));
    return found;
  }

  RexNode ref(int index, SqlType type) {
    return rex().makeInputRef(context.types().toRel(type), index);
  }

  private org.apache.calcite.rex.RexBuilder rex() {
    return context.relBuilder().getRexBuilder();
  }
}
