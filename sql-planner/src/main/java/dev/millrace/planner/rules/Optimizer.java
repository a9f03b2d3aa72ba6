package dev.millrace.planner.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;

/**
 * The rule-based rewrites every query goes through, run to a fixed point by Calcite's {@link
 * HepPlanner}: filters move towards the sources (through projections, into joins, below re-keying
 * and grouping), adjacent filters and projections merge, identity projections go.
 */
public final class Optimizer {
  /**
   * The rules, in the order the planner tries them. Calcite's own are made from their default
   * configurations, as {@code CoreRules} makes them: touching {@code CoreRules} would load and
   * build all of its hundreds of rules (about 800 classes) to use these seven.
   */
  public static final List<RelOptRule> RULES =
      List.of(
          FilterMergeRule.Config.DEFAULT.toRule(),
          FilterProjectTransposeRule.Config.DEFAULT.toRule(),
          FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule(),
          FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule(),
          FilterAggregateTransposeRule.Config.DEFAULT.toRule(),
          FilterPartitionByTransposeRule.INSTANCE,
          FilterWindowedAggregateTransposeRule.INSTANCE,
          ProjectMergeRule.Config.DEFAULT.toRule(),
          ProjectRemoveRule.Config.DEFAULT.toRule());

  private Optimizer() {}

  public static RelNode optimize(RelNode root) {
    return optimize(root, RULES);
  }

  /** Runs only the given rules; for tests of one rule. */
  public static RelNode optimize(RelNode root, List<RelOptRule> rules) {
    HepProgram program =
        new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.TOP_DOWN)
            .addRuleCollection(rules)
            .build();
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(root);
    return planner.findBestExp();
  }
}
