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
 * compares two fields.
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
    Sides sides = sides(join, left.scope(), join.right().qualifier());
    ExpressionAnalyzer analyzer = context.analyzer();
    RexNode leftKey =
        analyzer.analyze(sides.left(), new RowScope(left.scope(), rex(), context.types(), "JOIN"));
    ScopeColumn rightKey = rightKeyColumn(join, sides, rightSource, rightAlone);
    SqlType leftType = analyzer.typeOf(leftKey);
    if (leftType == null || !leftType.equals(rightKey.type())) {
      throw new PlanningException(
          join.criteria().location(),
          "Invalid join condition: types don't match. Got "
              + SqlFormatter.format(sides.left())
              + "{"
              + (leftType == null ? "NULL" : leftType.toSql())
              + "} = "
              + SqlFormatter.format(sides.right())
              + "{"
              + rightKey.type().toSql()
              + "}.");
    }
    RelBuilder builder = context.relBuilder();
    int leftKeyField;
    if (leftKey instanceof RexInputRef ref) {
      leftKeyField = ref.getIndex();
    } else {
      List<RexNode> fields = new ArrayList<>(builder.fields());
      fields.add(leftKey);
      List<String> names = new ArrayList<>(builder.peek().getRowType().getFieldNames());
      names.add("KSQL_JOIN_KEY");
      builder.projectNamed(fields, names, true);
      leftKeyField = leftWidth;
      leftWidth++;
    }
    builder.scan(rightSource.name());
    RexNode leftRef = ref(leftKeyField, leftType);
    RexNode rightRef = ref(leftWidth + rightKey.index(), rightKey.type());
    builder.join(
        join.type() == Join.Type.LEFT ? JoinRelType.LEFT : JoinRelType.INNER,
        rex().makeCall(SqlStdOperatorTable.EQUALS, leftRef, rightRef));
    Scope scope =
        left.scope().join(Scope.ofSource(join.right().qualifier(), rightSource, leftWidth));
    Set<RexNode> candidates = new LinkedHashSet<>();
    if (left.keys().size() == 1
        && left.keys().get(0).repeatable()
        && left.keys().get(0).matches(leftKey)) {
      candidates.addAll(left.keys().get(0).candidates());
    }
    candidates.addAll(List.of(leftKey, leftRef, rightRef));
    KeySlot key =
        new KeySlot(
            List.copyOf(candidates),
            "join expressions",
            SqlFormatter.format(sides.left()) + " or " + SqlFormatter.format(sides.right()),
            SqlFormatter.format(sides.left()),
            true);
    List<String> sources = new ArrayList<>(left.sources());
    sources.add(rightSource.name());
    return new PlannedRelation(scope, List.of(key), SourceType.STREAM, left.window(), sources);
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
   * The sides of a join on one equality. A conjunction of equalities is a join on several columns,
   * which only stream-stream joins support so far.
   */
  Sides sides(Join join, Scope leftScope, String rightQualifier) {
    List<Sides> all = conjuncts(join, leftScope, rightQualifier);
    if (all.size() > 1) {
      throw new PlanningException(
          join.criteria().location(),
          "Unsupported join criteria "
              + SqlFormatter.format(join.criteria())
              + ": joins on several columns (a AND b) are only supported between two streams.");
    }
    return all.get(0);
  }

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

  private ScopeColumn rightKeyColumn(Join join, Sides sides, DataSource right, Scope rightScope) {
    Expression side = sides.right();
    if (side instanceof ColumnRef ref && right.schema().key().size() == 1) {
      ScopeColumn column =
          rightScope.resolve(new ColumnRef(java.util.Optional.empty(), ref.name(), ref.location()));
      if (column.kind() == ScopeColumn.Kind.KEY) {
        return column;
      }
    }
    throw new PlanningException(
        join.criteria().location(),
        "Invalid join condition: stream-table joins require to "
            + "join on the table's primary key. Got "
            + SqlFormatter.format(sides.left())
            + " = "
            + SqlFormatter.format(sides.right())
            + ".");
  }

  RexNode ref(int index, SqlType type) {
    return rex().makeInputRef(context.types().toRel(type), index);
  }

  private org.apache.calcite.rex.RexBuilder rex() {
    return context.relBuilder().getRexBuilder();
  }
}
