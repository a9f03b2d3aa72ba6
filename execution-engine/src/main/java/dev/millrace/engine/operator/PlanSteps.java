package dev.millrace.engine.operator;

import dev.millrace.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbering of a plan's steps shared by the counters ({@link StepCounters}) and whoever shows
 * them: depth first from the sink, each step before its sources, sources in their order.
 */
public final class PlanSteps {
  private PlanSteps() {}

  /** The steps of the plan rooted at {@code root}; a step's number is its position here. */
  public static List<PlanStep> preOrder(PlanStep root) {
    List<PlanStep> steps = new ArrayList<>();
    add(root, steps);
    return List.copyOf(steps);
  }

  private static void add(PlanStep step, List<PlanStep> steps) {
    steps.add(step);
    step.sources().forEach(source -> add(source, steps));
  }
}
