package dev.millrace.planner.physical;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.TopicKeyFormat;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.planner.logical.CalciteTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;

/**
 * Translates a join of two tables into a {@link PlanStep.TableTableJoin} when the left side of the
 * condition is the left input's key, column by column (analysis allowed no other primary-key join),
 * else into a {@link PlanStep.ForeignKeyTableJoin} whose foreign key is that left field. A
 * primary-key join's right table keyed in another format than the left one is first moved through a
 * repartition topic keyed in the left one's format, so that equal keys meet in one partition (as
 * ksqlDB does).
 */
final class TableJoinTranslator {
  private final CalciteTypes types;
  private final RexBuilder rex;
  private final StepNames names;

  TableJoinTranslator(CalciteTypes types, RexBuilder rex, StepNames names) {
    this.types = types;
    this.rex = rex;
    this.names = names;
  }

  /**
   * @param leftKeys the left fields the condition compares with the right table's key columns, in
   *     the right key's order
   */
  PhysicalPlanner.Built translate(
      Join join, PhysicalPlanner.Built left, PhysicalPlanner.Built right, List<Integer> leftKeys) {
    List<Column> value = new ArrayList<>(left.step().schema().value());
    value.addAll(right.step().schema().value());
    LogicalSchema schema = new LogicalSchema(left.step().schema().key(), value);
    if (isPrimaryKey(join.getLeft(), left, leftKeys)) {
      PlanStep step =
          new PlanStep.TableTableJoin(
              left.step(),
              partitionedLike(left.step(), right.step()),
              type(join.getJoinType()),
              schema);
      return new PhysicalPlanner.Built(step, leftKeys, left.keyFormat());
    }
    RelNode leftRel = join.getLeft();
    int leftKey = leftKeys.get(0);
    Expr foreignKey =
        new ExprTranslator(types, rex, leftRel.getRowType().getFieldNames())
            .translate(rex.makeInputRef(leftRel, leftKey));
    PlanStep step =
        new PlanStep.ForeignKeyTableJoin(
            left.step(), right.step(), foreignKey, type(join.getJoinType()), schema);
    return new PhysicalPlanner.Built(step, left.keyFields(), left.keyFormat());
  }

  /**
   * The right input, or its changes repartitioned so that their keys are written as the left
   * input's are: in its format, and (a key of several columns names them in JSON, AVRO, ...) with
   * its key column names.
   */
  private PlanStep partitionedLike(PlanStep left, PlanStep right) {
    Optional<FormatInfo> leftFormat = TopicKeyFormat.of(left);
    Optional<FormatInfo> rightFormat = TopicKeyFormat.of(right);
    List<Column> leftKey = left.schema().key();
    boolean sameNames = leftKey.size() == 1 || leftKey.equals(right.schema().key());
    if (leftFormat.isEmpty()
        || rightFormat.isEmpty()
        || leftFormat.get().format().equals(rightFormat.get().format()) && sameNames) {
      return right;
    }
    return new PlanStep.TableRepartition(
        right,
        names.repartitionTopic("RightSourceKeyed"),
        leftFormat.get(),
        names.store("RightSourceKeyed"),
        new LogicalSchema(leftKey, right.schema().value()));
  }

  /**
   * A join on the left input's key; the left input of an n-way join is keyed by its first join's
   * key, which every side's join expression equals (analysis allows only primary-key joins there).
   */
  private static boolean isPrimaryKey(
      RelNode leftRel, PhysicalPlanner.Built left, List<Integer> leftKeys) {
    return left.keyFields().equals(leftKeys) || containsJoin(leftRel);
  }

  private static boolean containsJoin(RelNode rel) {
    return rel instanceof Join
        || rel.getInputs().stream().anyMatch(TableJoinTranslator::containsJoin);
  }

  private static JoinType type(JoinRelType type) {
    return switch (type) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.OUTER;
      default -> throw new IllegalStateException("no table join of type " + type);
    };
  }
}
