package dev.millrace.planner.rules;

import dev.millrace.planner.logical.PartitionBy;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;

/**
 * Filters rows before they are re-keyed rather than after, so rows that are dropped anyway never
 * travel through the repartition topic. PARTITION BY leaves rows unchanged, so the condition reads
 * the same fields below it.
 *
 * <pre>
 * Filter(c)                 PartitionBy(k)
 *   PartitionBy(k)    =&gt;      Filter(c)
 *     X                          X
 * </pre>
 */
public final class FilterPartitionByTransposeRule extends RelRule<RuleConfig> {
  public static final FilterPartitionByTransposeRule INSTANCE =
      new FilterPartitionByTransposeRule(
          RuleConfig.of(
              "FilterPartitionByTransposeRule",
              b0 ->
                  b0.operand(Filter.class)
                      .oneInput(b1 -> b1.operand(PartitionBy.class).anyInputs()),
              FilterPartitionByTransposeRule::new));

  private FilterPartitionByTransposeRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    PartitionBy partition = call.rel(1);
    RelNode filtered =
        filter.copy(filter.getTraitSet(), partition.getInput(), filter.getCondition());
    call.transformTo(partition.copy(partition.getTraitSet(), List.of(filtered)));
  }
}
