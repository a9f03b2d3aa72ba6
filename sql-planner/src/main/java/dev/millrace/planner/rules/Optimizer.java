package dev.millrace.planner.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The rule-based rewrites every query goes through, run to a fixed point by Calcite's {@link
 * HepPlanner}: filters move towards the sources (through projections, into joins, below re-keying
 * and grouping), adjacent filters and projections merge, identity projections go.
 */
public final class Optimizer {
  /** The rules, in the order the planner tries them. */
  public static final List<RelOptRule> RULES =
      List.of(
          CoreRules.FILTER_MERGE,
          CoreRules.FILTER_PROJECT_TRANSPOSE,
          CoreRules.FILTER_INTO_JOIN,
          CoreRules.JOIN_CONDITION_PUSH,
          CoreRules.FILTER_AGGREGATE_TRANSPOSE,
          FilterPartitionByTransposeRule.INSTANCE,
          FilterWindowedAggregateTransposeRule.INSTANCE,
          CoreRules.PROJECT_MERGE,
          CoreRules.PROJECT_REMOVE);

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
