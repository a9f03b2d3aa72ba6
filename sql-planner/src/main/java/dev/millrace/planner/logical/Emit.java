package dev.millrace.planner.logical;

import dev.millrace.parser.ast.EmitMode;
import java.util.List;
import java.util.OptionalInt;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * The root of a push query: streams every change of its input to the client ({@code EMIT CHANGES}),
 * or only final window results ({@code EMIT FINAL}), until the client stops or {@code limit} rows
 * have been sent.
 */
public final class Emit extends SingleRel {
  private final EmitMode mode;
  private final OptionalInt limit;

  public Emit(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, EmitMode mode, OptionalInt limit) {
    super(cluster, traits, input);
    this.mode = mode;
    this.limit = limit;
  }

  public EmitMode mode() {
    return mode;
  }

  public OptionalInt limit() {
    return limit;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new Emit(getCluster(), traitSet, sole(inputs), mode, limit);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("mode", mode)
        .itemIf("limit", limit.orElse(0), limit.isPresent());
  }
}
