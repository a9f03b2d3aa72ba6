package dev.millrace.planner.logical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Calls the SELECT list's table functions (e.g. EXPLODE) on each stream row: its rows are the
 * input's columns followed by one column per call, one row per position of the longest result.
 */
public final class FlatMap extends SingleRel {
  private final List<RexNode> calls;

  public FlatMap(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexNode> calls) {
    super(cluster, traits, input);
    this.calls = List.copyOf(calls);
  }

  public List<RexNode> calls() {
    return calls;
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory.Builder fields = getCluster().getTypeFactory().builder();
    fields.addAll(input.getRowType().getFieldList());
    for (int i = 0; i < calls.size(); i++) {
      // The names never reach the result: the projection above names every column.
      fields.add("KSQL_SYNTH_" + i, calls.get(i).getType());
    }
    return fields.build();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FlatMap(getCluster(), traitSet, sole(inputs), calls);
  }

  @Override
  public RelNode accept(RexShuttle shuttle) {
    List<RexNode> next = shuttle.apply(calls);
    return next.equals(calls) ? this : new FlatMap(getCluster(), traitSet, input, next);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("calls", calls);
  }
}
