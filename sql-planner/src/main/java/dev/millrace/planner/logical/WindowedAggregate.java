package dev.millrace.planner.logical;

import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.plan.WindowInfo;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * An aggregation per key and per time window (ksqlDB's {@code WINDOW TUMBLING|HOPPING|SESSION}).
 * Its input's first {@code groupCount} fields are the grouping key; its row is those fields, then
 * one field per aggregate call, then WINDOWSTART and WINDOWEND. A relational Aggregate has no
 * notion of time windows, so this is a node of its own that Calcite's aggregate rules leave alone.
 * With {@code emitFinal} (EMIT FINAL) it yields each window's row once, when the window closes,
 * rather than every update.
 */
public final class WindowedAggregate extends SingleRel {
  private final int groupCount;
  private final List<AggregateCall> aggregateCalls;
  private final WindowInfo window;
  private final boolean emitFinal;

  public WindowedAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int groupCount,
      List<AggregateCall> aggregateCalls,
      WindowInfo window,
      boolean emitFinal) {
    super(cluster, traits, input);
    this.groupCount = groupCount;
    this.aggregateCalls = List.copyOf(aggregateCalls);
    this.window = window;
    this.emitFinal = emitFinal;
  }

  public int groupCount() {
    return groupCount;
  }

  public List<AggregateCall> aggregateCalls() {
    return aggregateCalls;
  }

  public WindowInfo window() {
    return window;
  }

  public boolean emitFinal() {
    return emitFinal;
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory factory = getCluster().getTypeFactory();
    RelDataTypeFactory.Builder row = factory.builder();
    for (int i = 0; i < groupCount; i++) {
      row.add(input.getRowType().getFieldList().get(i));
    }
    for (int i = 0; i < aggregateCalls.size(); i++) {
      AggregateCall call = aggregateCalls.get(i);
      row.add(call.getName() != null ? call.getName() : "$f" + (groupCount + i), call.getType());
    }
    RelDataType bound =
        factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.BIGINT), true);
    row.add(SourceColumns.WINDOWSTART, bound);
    row.add(SourceColumns.WINDOWEND, bound);
    return row.build();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new WindowedAggregate(
        getCluster(), traitSet, sole(inputs), groupCount, aggregateCalls, window, emitFinal);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("groupCount", groupCount)
        .item("aggregates", aggregateCalls)
        .item("window", describe(window))
        .itemIf("emit", "FINAL", emitFinal);
  }

  private static String describe(WindowInfo window) {
    String text = window.type() + " SIZE " + window.sizeMs() + " ms";
    if (window.type() == WindowInfo.Type.HOPPING) {
      text += " ADVANCE " + window.advanceMs() + " ms";
    }
    if (window.graceMs() >= 0) {
      text += " GRACE " + window.graceMs() + " ms";
    }
    return text;
  }
}
