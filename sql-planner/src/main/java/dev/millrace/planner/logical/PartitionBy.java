package dev.millrace.planner.logical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Re-keys a stream by {@code keys} (PARTITION BY, or a join on a non-key expression): rows are
 * unchanged, but each goes through a repartition topic so that all rows with one key meet in one
 * task. No keys means a null key (PARTITION BY NULL).
 */
public final class PartitionBy extends SingleRel {
  private final List<RexNode> keys;

  public PartitionBy(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexNode> keys) {
    super(cluster, traits, input);
    this.keys = List.copyOf(keys);
  }

  public List<RexNode> keys() {
    return keys;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new PartitionBy(getCluster(), traitSet, sole(inputs), keys);
  }

  @Override
  public RelNode accept(RexShuttle shuttle) {
    List<RexNode> next = shuttle.apply(keys);
    return next.equals(keys) ? this : new PartitionBy(getCluster(), traitSet, input, next);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("keys", keys);
  }
}
