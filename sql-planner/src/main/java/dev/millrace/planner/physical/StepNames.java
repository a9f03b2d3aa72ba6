package dev.millrace.planner.physical;

/**
 * Names of a query's internal topics and state stores, local to the query: the runtime puts the
 * query's own prefix before them ({@code _millrace-<serviceId>-query-<queryId>-}), so the full
 * names are unique per query and the same every time the query is planned (a query replanned from
 * the command log after a restart finds its repartition topics and state again). Names read {@code
 * <n>-<step>-repartition} and {@code <n>-<step>-store}, n counting the internal names of the plan
 * in the order the planner creates them.
 */
public final class StepNames {
  private int next;

  /**
   * A repartition topic for a step such as {@code GroupBy}, {@code PartitionBy} or {@code Join}.
   */
  public String repartitionTopic(String step) {
    return next++ + "-" + step + "-repartition";
  }

  /** A state store for a step such as {@code Aggregate} or {@code Source}. */
  public String store(String step) {
    return next++ + "-" + step + "-store";
  }
}
