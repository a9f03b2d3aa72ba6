package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.StepCounts;
import java.util.List;

/**
 * Counts of a query since its runtime was made (across stops and restarts of that runtime).
 *
 * @param processedRecords input records processed (repartitioned records count again when read
 *     back)
 * @param outputRecords records written to the query's sink topic
 * @param processingErrors records skipped or partly failed and reported to the processing log
 * @param consumerLag records on the broker that the query's consumer has not fetched yet, summed
 *     over its partitions when it last polled (Kafka's {@code records-lag})
 * @param steps what each step of its plan has done, by step number ({@link
 *     dev.millrace.engine.operator.PlanSteps#preOrder})
 */
public record QueryStatistics(
    long processedRecords,
    long outputRecords,
    long processingErrors,
    long consumerLag,
    List<StepCounts> steps) {
  public QueryStatistics {
    steps = List.copyOf(steps);
  }
}
