package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /lag}: for each persistent query, how far its consumer group is behind its
 * input partitions, and how far each server's copies of its state stores are behind their
 * changelogs.
 */
public record LagResponse(Map<String, QueryLag> queries) {

  public LagResponse {
    queries = Lists.copyOrEmpty(queries);
  }

  /**
   * One query's lag.
   *
   * @param consumerLag per input partition, committed offset against end offset
   * @param stateStoreLags per server ({@code host:port}), per store, the lag of each partition the
   *     server holds
   */
  public record QueryLag(
      List<PartitionLag> consumerLag,
      Map<String, Map<String, ClusterStatusResponse.StateStoreLags>> stateStoreLags) {

    public QueryLag {
      consumerLag = Lists.copyOrEmpty(consumerLag);
      stateStoreLags = Lists.copyOrEmpty(stateStoreLags);
    }
  }

  /**
   * The lag of one input partition of a query.
   *
   * @param committedOffset the next offset the query's group will process
   * @param endOffset the partition's end offset
   * @param offsetLag the records between them
   * @param host the server ({@code host:port}) whose task reads the partition, when one reports it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PartitionLag(
      String topic,
      int partition,
      long committedOffset,
      long endOffset,
      long offsetLag,
      String host) {}
}
