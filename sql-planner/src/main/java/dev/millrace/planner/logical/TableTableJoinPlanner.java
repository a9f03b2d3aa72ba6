package dev.millrace.planner.logical;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Comparison;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.Join;
import dev.millrace.parser.ast.Logical;
import dev.millrace.parser.format.SqlFormatter;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.analysis.ExpressionAnalyzer;
import dev.millrace.planner.analysis.RowScope;
import dev.millrace.planner.analysis.Scope;
import dev.millrace.planner.analysis.ScopeColumn;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.SourceType;
import java.util.ArrayList;
import java.util.Comparator;
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
    List<FromPlanner.Sides> conjuncts = from.conjuncts(join, left.scope(), rightQualifier);
    List<Equality> equalities =
        equalities(join, right, Scope.ofSource(rightQualifier, right, 0), conjuncts);
    ExpressionAnalyzer analyzer = context.analyzer();
    List<RexNode> leftKeys = new ArrayList<>();
    for (Equality equality : equalities) {
      RexNode leftKey =
          analyzer.analyze(
              equality.sides().left(), new RowScope(left.scope(), rex(), context.types(), "JOIN"));
      FromPlanner.checkTypes(
          equality.sides(), analyzer.typeOf(leftKey), equality.rightKey().type());
      leftKeys.add(leftKey);
    }
    boolean primaryKey = isPrimaryKey(join, left, leftKeys, conjuncts);
    if (!primaryKey) {
      checkForeignKey(join, left, criteriaText(join));
    }
    RelBuilder builder = context.relBuilder();
    int leftWidth = builder.peek().getRowType().getFieldCount();
    List<Integer> leftKeyFields = new ArrayList<>();
    List<RexNode> extraFields = new ArrayList<>();
    for (RexNode leftKey : leftKeys) {
      if (leftKey instanceof RexInputRef ref) {
        leftKeyFields.add(ref.getIndex());
      } else {
        // The foreign key becomes a field of the left rows, so that the condition compares two
        // fields.
        leftKeyFields.add(leftWidth + extraFields.size());
        extraFields.add(leftKey);
      }
    }
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
    builder.scan(right.name());
    List<RexNode> leftRefs = new ArrayList<>();
    List<RexNode> rightRefs = new ArrayList<>();
    List<RexNode> conditions = new ArrayList<>();
    for (int i = 0; i < equalities.size(); i++) {
      ScopeColumn rightKey = equalities.get(i).rightKey();
      leftRefs.add(from.ref(leftKeyFields.get(i), rightKey.type()));
      rightRefs.add(from.ref(leftWidth + rightKey.index(), rightKey.type()));
      conditions.add(rex().makeCall(SqlStdOperatorTable.EQUALS, leftRefs.get(i), rightRefs.get(i)));
    }
    builder.join(relType(join.type()), conditions);
    Scope scope = left.scope().join(Scope.ofSource(rightQualifier, right, leftWidth));
    List<String> sources = new ArrayList<>(left.sources());
    sources.add(right.name());
    List<KeySlot> keys = new ArrayList<>();
    if (!primaryKey) {
      keys.addAll(left.keys());
    } else if (join.type() == Join.Type.FULL) {
      // Each key column may come from either side: new columns, ROWKEY, ROWKEY_1, ...
      int field = builder.peek().getRowType().getFieldCount();
      List<RexNode> fields = new ArrayList<>(builder.fields());
      List<String> names = new ArrayList<>(builder.peek().getRowType().getFieldNames());
      for (int i = 0; i < equalities.size(); i++) {
        SqlType type = equalities.get(i).rightKey().type();
        String name = syntheticKeyName(scope);
        fields.add(rex().makeCall(SqlStdOperatorTable.COALESCE, leftRefs.get(i), rightRefs.get(i)));
        names.add(name);
        scope = scope.withColumn(new ScopeColumn("", name, field, type, ScopeColumn.Kind.KEY));
        keys.add(new KeySlot(List.of(from.ref(field, type)), "key column", name, name, false));
        field++;
      }
      builder.projectNamed(fields, names, true);
    } else {
      for (int i = 0; i < equalities.size(); i++) {
        FromPlanner.Sides sides = equalities.get(i).sides();
        Set<RexNode> candidates = new LinkedHashSet<>(left.keys().get(i).candidates());
        candidates.addAll(List.of(leftKeys.get(i), leftRefs.get(i), rightRefs.get(i)));
        keys.add(
            new KeySlot(
                List.copyOf(candidates),
                "join expressions",
                SqlFormatter.format(sides.left()) + " or " + SqlFormatter.format(sides.right()),
                SqlFormatter.format(sides.left()),
                true));
      }
    }
    return new PlannedRelation(scope, keys, SourceType.TABLE, Optional.empty(), sources);
  }

  /** An equality of the ON clause and the right table's key column it compares with. */
  private record Equality(FromPlanner.Sides sides, ScopeColumn rightKey) {}

  /**
   * Pairs each equality with the right table's key column it compares with, in the order of the
   * right table's key: a table-table join compares every key column of the right table, each once,
   * and nothing else.
   */
  private List<Equality> equalities(
      Join join, DataSource right, Scope rightScope, List<FromPlanner.Sides> conjuncts) {
    List<Equality> found = new ArrayList<>();
    for (FromPlanner.Sides sides : conjuncts) {
      if (!(sides.right() instanceof ColumnRef ref)) {
        break;
      }
      ScopeColumn column =
          rightScope.resolve(new ColumnRef(Optional.empty(), ref.name(), ref.location()));
      if (column.kind() != ScopeColumn.Kind.KEY
          || found.stream().anyMatch(e -> e.rightKey().equals(column))) {
        break;
      }
      found.add(new Equality(sides, column));
    }
    if (found.size() != conjuncts.size() || found.size() != right.schema().key().size()) {
      throw new PlanningException(
          join.criteria().location(),
          "Invalid join condition: table-table joins require to "
              + "join on the primary key of the right input table"
              + (right.schema().key().size() > 1 ? ", every column of it" : "")
              + ". Got "
              + criteriaText(join)
              + ".");
    }
    found.sort(Comparator.comparingInt(e -> e.rightKey().index()));
    return found;
  }

  /**
   * Whether the join compares the left input's key with the right one's, column by column in the
   * same positions, so that both inputs' rows of one key meet as they are. A join on several
   * columns must be such a join: the left key's columns compared in another order would make the
   * two tables' keys differ.
   */
  private static boolean isPrimaryKey(
      Join join, PlannedRelation left, List<RexNode> leftKeys, List<FromPlanner.Sides> conjuncts) {
    boolean positional = left.keys().size() == leftKeys.size();
    for (int i = 0; positional && i < leftKeys.size(); i++) {
      positional = left.keys().get(i).matches(leftKeys.get(i));
    }
    if (positional || leftKeys.size() == 1) {
      return positional;
    }
    throw new PlanningException(
        join.criteria().location(),
        "Unsupported join criteria "
            + SqlFormatter.format(join.criteria())
            + ": a join of two tables on several columns compares each key column of the left"
            + " table with the key column of the right table in the same position"
            + " (a foreign-key join compares one expression).");
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

  /** The ON clause as messages show it: each equality, joined by AND. */
  private static String criteriaText(Join join) {
    return String.join(" AND ", equalityTexts(join.criteria()));
  }

  private static List<String> equalityTexts(Expression criteria) {
    if (criteria instanceof Logical and && and.operator() == Logical.Operator.AND) {
      List<String> texts = new ArrayList<>(equalityTexts(and.left()));
      texts.addAll(equalityTexts(and.right()));
      return texts;
    }
    Comparison c = (Comparison) criteria;
    return List.of(SqlFormatter.format(c.left()) + " = " + SqlFormatter.format(c.right()));
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
