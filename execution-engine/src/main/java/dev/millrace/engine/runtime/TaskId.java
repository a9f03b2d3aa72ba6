package dev.millrace.engine.runtime;

/**
 * A task: one sub-topology's work on one input partition (all co-partitioned inputs of that
 * partition). Written {@code <subTopology>_<partition>}, which is also its state directory's name.
 */
record TaskId(int subTopology, int partition) {
  @Override
  public String toString() {
    return subTopology + "_" + partition;
  }
}
