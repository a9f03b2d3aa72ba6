package dev.millrace.planner.physical;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.planner.catalog.SourceType;
import dev.millrace.planner.logical.CalciteTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;

/**
 * Translates a join of two tables into a {@link PlanStep.TableTableJoin} when the left side of the
 * condition is the left input's key (analysis allowed no other primary-key join), else into a
 * {@link PlanStep.ForeignKeyTableJoin} whose foreign key is that left field. Tables are never
 * re-keyed: analysis checked that a primary-key join's inputs are keyed alike.
 */
final class TableJoinTranslator {
  private final CalciteTypes types;
  private final RexBuilder rex;

  TableJoinTranslator(CalciteTypes types, RexBuilder rex) {
    this.types = types;
    this.rex = rex;
  }

  PhysicalPlanner.Built translate(Join join, PhysicalPlanner.Built left, PhysicalPlanner.Built right, int leftKey) {
    List<Column> value = new ArrayList<>(left.step().schema().value());
    value.addAll(right.step().schema().value());
    LogicalSchema schema = new LogicalSchema(left.step().schema().key(), value);
    if (isPrimaryKey(join.getLeft(), left, leftKey)) {
      PlanStep step = new PlanStep.TableTableJoin(left.step(), right.step(), type(join.getJoinType()), schema);
      return new PhysicalPlanner.Built(step, SourceType.TABLE, List.of(leftKey), left.keyFormat());
    }
    RelNode leftRel = join.getLeft();
    Expr foreignKey = new ExprTranslator(types, rex, leftRel.getRowType().getFieldNames())
        .translate(rex.makeInputRef(leftRel, leftKey));
    PlanStep step = new PlanStep.ForeignKeyTableJoin(left.step(), right.step(), foreignKey,
        type(join.getJoinType()), schema);
    return new PhysicalPlanner.Built(step, SourceType.TABLE, left.keyFields(), left.keyFormat());
  }

  /**
   * A join on the left input's key; the left input of an n-way join is keyed by its first join's
   * key, which every side's join expression equals (analysis allows only primary-key joins there).
   */
  private static boolean isPrimaryKey(RelNode leftRel, PhysicalPlanner.Built left, int leftKey) {
    return left.keyFields().equals(List.of(leftKey)) || containsJoin(leftRel);
  }

  private static boolean containsJoin(RelNode rel) {
    return rel instanceof Join || rel.getInputs().stream().anyMatch(TableJoinTranslator::containsJoin);
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
