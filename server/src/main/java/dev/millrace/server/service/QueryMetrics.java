package dev.millrace.server.service;

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
 */
public record QueryMetrics(
    String queryId,
    String state,
    long recordsIn,
    long recordsOut,
    long processingErrors,
    long consumerLag,
    long stateBytes) {
  public QueryMetrics {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(state, "state");
  }
}
