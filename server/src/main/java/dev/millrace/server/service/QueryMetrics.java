package dev.millrace.server.service;

import dev.millrace.engine.operator.StepCounts;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one persistent query has done on this server, for {@code GET /metrics}: the counts since the
 * server started it, its consumer lag and the size of its local state.
 *
 * @param queryId the query's id
 * @param state RUNNING, ERROR or NOT_RUNNING
 * @param recordsIn input records processed
 * @param recordsOut records written to the sink topic
 * @param processingErrors records reported to the processing log
 * @param consumerLag records on the broker not yet fetched, over the query's partitions
 * @param stateBytes bytes its local state (RocksDB) takes on disk
 * @param steps what each step of its plan has done, by step number ({@link
 *     dev.millrace.engine.operator.PlanSteps#preOrder}), for EXPLAIN ANALYZE
 * @param storeBytes the bytes each of its state stores takes, by store name
 */
public record QueryMetrics(
    String queryId,
    String state,
    long recordsIn,
    long recordsOut,
    long processingErrors,
    long consumerLag,
    long stateBytes,
    List<StepCounts> steps,
    Map<String, Long> storeBytes) {
  public QueryMetrics {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(state, "state");
    steps = List.copyOf(steps);
    storeBytes = Map.copyOf(storeBytes);
  }
}
