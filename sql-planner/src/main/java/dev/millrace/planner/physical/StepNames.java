package dev.millrace.planner.physical;

/**
 * Names of a query's internal topics and state stores, deterministic per query so that a query
 * replanned from the command log after a restart finds its repartition topics and state again:
 * {@code _millrace-<serviceId>-<queryId>-<n>-repartition} and {@code ...-<n>-store}, where n counts
 * the internal names of the plan in the order the planner creates them.
 */
public final class StepNames {
  private final String prefix;
  private int next;

  public StepNames(String serviceId, String queryId) {
    this.prefix = "_millrace-" + serviceId + "-" + queryId + "-";
  }

  public String repartitionTopic() {
    return prefix + next++ + "-repartition";
  }

  public String store() {
    return prefix + next++ + "-store";
  }
}
