package dev.millrace.planner.logical;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Join;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.RowScope;
import dev.millrace.planner.analysis.Scope;
import dev.millrace.planner.analysis.ScopeColumn;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.SourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans a join of two tables, as ksqlDB does. The right side of ON must be the right table's
 * primary key. When the left side is the left input's key too, it is a primary-key join (INNER,
 * LEFT, RIGHT or FULL OUTER); otherwise it is a foreign-key join (INNER or LEFT, two tables only),
 * keyed by the left table's primary key. A FULL OUTER join's key may come from either side, so it
 * is a new column, {@code ROWKEY}.
 */
final class TableTableJoinPlanner {
  /**
   * The name of a FULL OUTER join's key column, which is neither side's column (unless one is named
   * so).
   */
  private static final String SYNTHETIC_KEY = "ROWKEY";

  private final PlanningContext context;
  private final FromPlanner from;

  TableTableJoinPlanner(PlanningContext context, FromPlanner from) {
    this.context = context;
    this.from = from;
  }

  PlannedRelation plan(Join join, PlannedRelation left, DataSource right) {
    checkShape(join, left, right);
    String rightQualifier = join.right().qualifier();
    if (left.scope().sources().contains(rightQualifier)) {
      throw new PlanningException(
          join.right().location(),
          "Cannot join " + rightQualifier + " to itself without an alias.");
    }
    FromPlanner.Sides sides = from.sides(join, left.scope(), rightQualifier);
    ScopeColumn rightKey = rightKey(join, right, Scope.ofSource(rightQualifier, right, 0), sides);
    ExpressionAnalyzer analyzer = context.analyzer();
    RexNode leftKey =
        analyzer.analyze(sides.left(), new RowScope(left.scope(), rex(), context.types(), "JOIN"));
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
    boolean primaryKey = left.keys().size() == 1 && left.keys().get(0).matches(leftKey);
    if (!primaryKey) {
      checkForeignKey(join, left, criteriaText(join));
    }
    RelBuilder builder = context.relBuilder();
    int leftWidth = builder.peek().getRowType().getFieldCount();
    int leftKeyField;
    if (leftKey instanceof RexInputRef ref) {
      leftKeyField = ref.getIndex();
    } else {
      // The foreign key becomes a field of the left rows, so that the condition compares two
      // fields.
      List<RexNode> fields = new ArrayList<>(builder.fields());
      fields.add(leftKey);
      List<String> names = new ArrayList<>(builder.peek().getRowType().getFieldNames());
      names.add("KSQL_JOIN_KEY");
      builder.projectNamed(fields, names, true);
      leftKeyField = leftWidth++;
    }
    builder.scan(right.name());
    RexNode leftRef = from.ref(leftKeyField, leftType);
    RexNode rightRef = from.ref(leftWidth + rightKey.index(), rightKey.type());
    builder.join(
        relType(join.type()), rex().makeCall(SqlStdOperatorTable.EQUALS, leftRef, rightRef));
    Scope scope = left.scope().join(Scope.ofSource(rightQualifier, right, leftWidth));
    List<String> sources = new ArrayList<>(left.sources());
    sources.add(right.name());
    List<KeySlot> keys;
    if (!primaryKey) {
      keys = left.keys();
    } else if (join.type() == Join.Type.FULL) {
      String name = syntheticKeyName(scope);
      int field = builder.peek().getRowType().getFieldCount();
      List<RexNode> fields = new ArrayList<>(builder.fields());
      fields.add(rex().makeCall(SqlStdOperatorTable.COALESCE, leftRef, rightRef));
      List<String> names = new ArrayList<>(builder.peek().getRowType().getFieldNames());
      names.add(name);
      builder.projectNamed(fields, names, true);
      scope = scope.withColumn(new ScopeColumn("", name, field, leftType, ScopeColumn.Kind.KEY));
      keys =
          List.of(new KeySlot(List.of(from.ref(field, leftType)), "key column", name, name, false));
    } else {
      Set<RexNode> candidates = new LinkedHashSet<>(left.keys().get(0).candidates());
      candidates.addAll(List.of(leftKey, leftRef, rightRef));
      keys =
          List.of(
              new KeySlot(
                  List.copyOf(candidates),
                  "join expressions",
                  SqlFormatter.format(sides.left()) + " or " + SqlFormatter.format(sides.right()),
                  SqlFormatter.format(sides.left()),
                  true));
    }
    return new PlannedRelation(scope, keys, SourceType.TABLE, Optional.empty(), sources);
  }

  /**
   * ROWKEY, or ROWKEY_1, ROWKEY_2, ... when a source has a column of that name, as ksqlDB names it.
   */
  static String syntheticKeyName(Scope scope) {
    String name = SYNTHETIC_KEY;
    for (int n = 1; hasColumn(scope, name); n++) {
      name = SYNTHETIC_KEY + "_" + n;
    }
    return name;
  }

  private static boolean hasColumn(Scope scope, String name) {
    return scope.columns().stream().anyMatch(c -> c.name().equals(name));
  }

  private static void checkShape(Join join, PlannedRelation left, DataSource right) {
    if (join.within().isPresent()) {
      throw new PlanningException(
          join.within().get().location(),
          "WITHIN is only valid for stream-stream joins, not for table-table joins.");
    }
    if (left.window().isPresent() || right.isWindowed()) {
      String windowed = right.isWindowed() ? right.name() : String.join(", ", left.sources());
      throw new PlanningException(
          join.location(),
          "Joins of windowed tables are not supported. Got "
              + windowed
              + " in "
              + String.join(", ", left.sources())
              + " "
              + FromPlanner.joinText(join.type())
              + " "
              + right.name()
              + ".");
    }
  }

  private ScopeColumn rightKey(
      Join join, DataSource right, Scope rightScope, FromPlanner.Sides sides) {
    if (sides.right() instanceof ColumnRef ref && right.schema().key().size() == 1) {
      ScopeColumn column =
          rightScope.resolve(new ColumnRef(Optional.empty(), ref.name(), ref.location()));
      if (column.kind() == ScopeColumn.Kind.KEY) {
        return column;
      }
    }
    throw new PlanningException(
        join.criteria().location(),
        "Invalid join condition: table-table joins require to "
            + "join on the primary key of the right input table. Got "
            + criteriaText(join)
            + ".");
  }

  private static void checkForeignKey(Join join, PlannedRelation left, String criteria) {
    if (left.scope().isJoin()) {
      throw new PlanningException(
          join.criteria().location(),
          "Invalid join condition: foreign-key table-table "
              + "joins are not supported as part of n-way joins. Got "
              + criteria
              + ".");
    }
    if (join.type() == Join.Type.RIGHT || join.type() == Join.Type.FULL) {
      String kind = join.type() == Join.Type.RIGHT ? "RIGHT OUTER JOIN" : "FULL OUTER JOIN";
      throw new PlanningException(join.location(), kind + " on a foreign key is not supported.");
    }
  }

  private static String criteriaText(Join join) {
    Comparison c = (Comparison) join.criteria();
    return SqlFormatter.format(c.left()) + " = " + SqlFormatter.format(c.right());
  }

  private static JoinRelType relType(Join.Type type) {
    return switch (type) {
      case INNER -> JoinRelType.INNER;
      case LEFT -> JoinRelType.LEFT;
      case RIGHT -> JoinRelType.RIGHT;
      case FULL -> JoinRelType.FULL;
    };
  }

  private org.apache.calcite.rex.RexBuilder rex() {
    return context.relBuilder().getRexBuilder();
  }
}
