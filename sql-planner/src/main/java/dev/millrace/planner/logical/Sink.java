package dev.millrace.planner.logical;

import dev.millrace.planner.catalog.SourceType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/** The root of a persistent query: writes its input, continuously, to a stream or table's topic. */
public final class Sink extends SingleRel {
  private final String target;
  private final SourceType type;
  private final String topic;

  public Sink(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      String target,
      SourceType type,
      String topic) {
    super(cluster, traits, input);
    this.target = target;
    this.type = type;
    this.topic = topic;
  }

  public String target() {
    return target;
  }

  public SourceType type() {
    return type;
  }

  public String topic() {
    return topic;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new Sink(getCluster(), traitSet, sole(inputs), target, type, topic);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("target", target).item("type", type).item("topic", topic);
  }
}
