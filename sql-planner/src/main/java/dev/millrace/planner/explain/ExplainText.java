package dev.millrace.planner.explain;

import dev.millrace.engine.plan.PlanStep;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/**
 * EXPLAIN output: the optimised logical plan (Calcite RelNodes) and the physical plan (engine
 * steps).
 */
public final class ExplainText {
  private ExplainText() {}

  public static String of(RelNode logical, PlanStep physical) {
    return "Logical plan:\n"
        + RelOptUtil.toString(logical)
        + "\nPhysical plan:\n"
        + StepText.of(physical);
  }
}
