package dev.millrace.planner.rules;

import dev.millrace.planner.logical.WindowedAggregate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Moves the parts of a HAVING condition that read only grouping fields below a windowed
 * aggregation, where they drop rows before they are grouped and stored. The aggregation's first
 * fields are its input's first fields, so such conditions read the same positions below it.
 * Conditions on aggregate results or window bounds stay above.
 *
 * <pre>
 * Filter(k0 = 'a' AND cnt &gt; 1)          Filter(cnt &gt; 1)
 *   WindowedAggregate(group k0)    =&gt;      WindowedAggregate(group k0)
 *     X                                       Filter(k0 = 'a')
 *                                               X
 * </pre>
 */
public final class FilterWindowedAggregateTransposeRule extends RelRule<RuleConfig> {
  public static final FilterWindowedAggregateTransposeRule INSTANCE =
      new FilterWindowedAggregateTransposeRule(
          RuleConfig.of(
              "FilterWindowedAggregateTransposeRule",
              b0 ->
                  b0.operand(Filter.class)
                      .oneInput(b1 -> b1.operand(WindowedAggregate.class).anyInputs()),
              FilterWindowedAggregateTransposeRule::new));

  private FilterWindowedAggregateTransposeRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    WindowedAggregate aggregate = call.rel(1);
    ImmutableBitSet groupFields = ImmutableBitSet.range(aggregate.groupCount());
    List<RexNode> below = new ArrayList<>();
    List<RexNode> above = new ArrayList<>();
    for (RexNode condition : RelOptUtil.conjunctions(filter.getCondition())) {
      (groupFields.contains(RelOptUtil.InputFinder.bits(condition)) ? below : above).add(condition);
    }
    if (below.isEmpty()) {
      return;
    }
    RelBuilder builder = call.builder();
    RelNode input = builder.push(aggregate.getInput()).filter(below).build();
    builder.push(aggregate.copy(aggregate.getTraitSet(), List.of(input)));
    if (!above.isEmpty()) {
      builder.filter(above);
    }
    call.transformTo(builder.build());
  }
}
