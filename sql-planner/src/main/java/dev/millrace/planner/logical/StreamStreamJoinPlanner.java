package dev.millrace.planner.logical;

import dev.millrace.engine.plan.JoinWindow;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.Join;
import dev.millrace.parser.ast.TimeSpan;
import dev.millrace.parser.ast.WithinClause;
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
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans a stream-stream join as ksqlDB does: it needs a WITHIN clause; both sides are windowed
 * alike or not at all; each side is compared through one expression of its own columns, of equal
 * types. The result is keyed by the join key: a column of either side named in the condition may
 * stand for it in the SELECT list, except for a FULL OUTER join or a join on expressions only,
 * whose key is the synthetic column {@code ROWKEY} (the key of whichever side is present).
 */
final class StreamStreamJoinPlanner {
  private final PlanningContext context;
  private final FromPlanner from;

  StreamStreamJoinPlanner(PlanningContext context, FromPlanner from) {
    this.context = context;
    this.from = from;
  }

  /** Plans {@code join}, whose left side {@code left} is on the RelBuilder's stack. */
  PlannedRelation plan(Join join, PlannedRelation left, DataSource right) {
    String shown =
        String.join(", ", left.sources())
            + " "
            + FromPlanner.joinText(join.type())
            + " "
            + right.name();
    WithinClause within =
        join.within()
            .orElseThrow(
                () ->
                    new PlanningException(
                        join.location(),
                        "Stream-stream joins must have a WITHIN clause specified. None was provided. Got "
                            + shown
                            + "."));
    JoinWindow window = window(within);
    if (left.sources().contains(right.name())) {
      throw new PlanningException(
          join.right().location(),
          "Can not join '"
              + right.name()
              + "' to '"
              + right.name()
              + "': self joins are not yet supported.");
    }
    checkValueFormats(join, left, right);
    checkWindows(join, left, right);
    String qualifier = join.right().qualifier();
    if (left.scope().sources().contains(qualifier)) {
      throw new PlanningException(
          join.right().location(), "Cannot join " + qualifier + " to itself without an alias.");
    }
    List<FromPlanner.Sides> conjuncts = from.conjuncts(join, left.scope(), qualifier);
    Scope rightAlone = Scope.ofSource(qualifier, right, 0);
    List<RexNode> leftKeys = new ArrayList<>();
    List<RexNode> rightKeys = new ArrayList<>();
    List<SqlType> keyTypes = new ArrayList<>();
    for (FromPlanner.Sides sides : conjuncts) {
      RexNode leftKey = analyze(sides.left(), left.scope());
      RexNode rightKey = analyze(sides.right(), rightAlone);
      checkTypes(sides, leftKey, rightKey);
      if (leftKeys.contains(leftKey) && rightKeys.get(leftKeys.indexOf(leftKey)).equals(rightKey)) {
        throw new PlanningException(
            sides.where().location(),
            "Invalid join condition: "
                + SqlFormatter.format(sides.where())
                + " appears more than once in "
                + SqlFormatter.format(join.criteria())
                + ".");
      }
      leftKeys.add(leftKey);
      rightKeys.add(rightKey);
      keyTypes.add(context.analyzer().typeOf(leftKey));
    }
    Optional<WindowInfo> rewindow =
        WindowedJoinRules.streamStream(
            join,
            left.window(),
            leftKeyFormat(left),
            right,
            keyedByJoinKey(left, leftKeys, rightAlone, rightKeys));
    RelBuilder builder = context.relBuilder();
    int leftWidth = builder.peek().getRowType().getFieldCount();
    builder.scan(right.name());
    RelNode rightRel = builder.build();
    RelNode leftRel = builder.build();
    builder.push(
        new WindowedJoin(
            leftRel.getCluster(),
            leftRel.getTraitSet(),
            leftRel,
            rightRel,
            relType(join.type()),
            leftKeys,
            rightKeys,
            window,
            rewindow));
    Scope scope = left.scope().join(Scope.ofSource(qualifier, right, leftWidth));
    List<String> sources = new ArrayList<>(left.sources());
    sources.add(right.name());
    List<KeySlot> keys = new ArrayList<>();
    for (int i = 0; i < conjuncts.size(); i++) {
      FromPlanner.Sides sides = conjuncts.get(i);
      RexNode leftKey = leftKeys.get(i);
      RexNode rightKey = rightKeys.get(i);
      RexNode rightOnJoined = RexUtil.shift(rightKey, leftWidth);
      boolean leftIsKey =
          left.keys().size() == conjuncts.size() && left.keys().get(i).matches(leftKey);
      boolean synthetic =
          join.type() == Join.Type.FULL
              || (!leftIsKey
                  && !(leftKey instanceof RexInputRef)
                  && !(rightKey instanceof RexInputRef));
      if (synthetic) {
        int index = builder.peek().getRowType().getFieldCount();
        String name = TableTableJoinPlanner.syntheticKeyName(scope);
        List<RexNode> fields = new ArrayList<>(builder.fields());
        fields.add(rex().makeCall(SqlStdOperatorTable.COALESCE, leftKey, rightOnJoined));
        List<String> names = new ArrayList<>(builder.peek().getRowType().getFieldNames());
        names.add(name);
        builder.projectNamed(fields, names, true);
        scope =
            scope.withColumn(
                new ScopeColumn("", name, index, keyTypes.get(i), ScopeColumn.Kind.KEY));
        keys.add(
            new KeySlot(
                List.of(rex().makeInputRef(builder.peek(), index)),
                "join expression",
                name,
                name,
                false));
        continue;
      }
      Set<RexNode> candidates = new LinkedHashSet<>();
      if (leftIsKey && left.keys().get(i).repeatable()) {
        candidates.addAll(left.keys().get(i).candidates());
      }
      candidates.addAll(List.of(leftKey, rightOnJoined));
      keys.add(
          new KeySlot(
              List.copyOf(candidates),
              "join expressions",
              SqlFormatter.format(sides.left()) + " or " + SqlFormatter.format(sides.right()),
              SqlFormatter.format(sides.left()),
              true));
    }
    return new PlannedRelation(scope, keys, SourceType.STREAM, left.window(), sources);
  }

  private RexNode analyze(dev.millrace.parser.ast.Expression side, Scope scope) {
    return context.analyzer().analyze(side, new RowScope(scope, rex(), context.types(), "JOIN"));
  }

  private void checkTypes(FromPlanner.Sides sides, RexNode leftKey, RexNode rightKey) {
    ExpressionAnalyzer analyzer = context.analyzer();
    SqlType leftType = analyzer.typeOf(leftKey);
    SqlType rightType = analyzer.typeOf(rightKey);
    if (leftType == null || !leftType.equals(rightType)) {
      throw new PlanningException(
          sides.where().location(),
          "Invalid join condition: types don't match. Got "
              + SqlFormatter.format(sides.left())
              + "{"
              + typeText(leftType)
              + "} = "
              + SqlFormatter.format(sides.right())
              + "{"
              + typeText(rightType)
              + "}.");
    }
  }

  private static JoinWindow window(WithinClause within) {
    long before = nonNegative(within.before());
    long after = nonNegative(within.after());
    long grace = within.grace().map(StreamStreamJoinPlanner::nonNegative).orElse(-1L);
    return new JoinWindow(before, after, grace);
  }

  private static long nonNegative(TimeSpan span) {
    if (span.toMillis() < 0) {
      throw new PlanningException(
          span.location(), "WITHIN and GRACE PERIOD durations must not be negative.");
    }
    return span.toMillis();
  }

  /** ksqlDB cannot join sources whose values are in the KAFKA format (a single primitive). */
  private void checkValueFormats(Join join, PlannedRelation left, DataSource right) {
    List<String> kafka = new ArrayList<>();
    for (String name : left.sources()) {
      context
          .catalog()
          .source(name)
          .filter(s -> s.formats().value().format().equals("KAFKA"))
          .ifPresent(s -> kafka.add(s.name()));
    }
    if (right.formats().value().format().equals("KAFKA")) {
      kafka.add(right.name());
    }
    if (!kafka.isEmpty()) {
      throw new PlanningException(
          join.location(),
          "Source(s) "
              + String.join(", ", kafka)
              + " are using the 'KAFKA' value format. This format does not yet support JOIN.");
    }
  }

  /**
   * Both sides windowed, or neither ({@link WindowedJoinRules} checks how, once keys are known).
   */
  private static void checkWindows(Join join, PlannedRelation left, DataSource right) {
    if (right.isWindowed() != left.window().isPresent()) {
      throw new PlanningException(
          join.location(), "Can not join windowed source to non-windowed source.");
    }
  }

  /** The key format of the left side: that of its first source, whose key a join keeps. */
  private String leftKeyFormat(PlannedRelation left) {
    return context.catalog().source(left.sources().get(0)).orElseThrow().formats().key().format();
  }

  /** Whether each side's join expressions are its own key columns, in key order. */
  private static boolean keyedByJoinKey(
      PlannedRelation left, List<RexNode> leftKeys, Scope rightAlone, List<RexNode> rightKeys) {
    if (left.keys().size() != leftKeys.size()) {
      return false;
    }
    List<ScopeColumn> rightKeyColumns =
        rightAlone.columns().stream().filter(c -> c.kind() == ScopeColumn.Kind.KEY).toList();
    if (rightKeyColumns.size() != rightKeys.size()) {
      return false;
    }
    for (int i = 0; i < leftKeys.size(); i++) {
      if (!left.keys().get(i).matches(leftKeys.get(i))
          || !(rightKeys.get(i) instanceof RexInputRef ref)
          || ref.getIndex() != rightKeyColumns.get(i).index()) {
        return false;
      }
    }
    return true;
  }

  private static JoinRelType relType(Join.Type type) {
    return switch (type) {
      case INNER -> JoinRelType.INNER;
      case LEFT -> JoinRelType.LEFT;
      case RIGHT -> JoinRelType.RIGHT;
      case FULL -> JoinRelType.FULL;
    };
  }

  private static String typeText(SqlType type) {
    return type == null ? "NULL" : type.toSql();
  }

  private RexBuilder rex() {
    return context.relBuilder().getRexBuilder();
  }
}
