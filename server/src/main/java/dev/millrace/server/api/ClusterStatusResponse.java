package dev.millrace.server.api;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /clusterStatus}: the status of each server, keyed by {@code host:port}.
 */
public record ClusterStatusResponse(Map<String, HostStatus> clusterStatus) {

  /**
   * One server's status as seen by the server answering.
   *
   * @param activeStandbyPerQuery per query id, the stores and partitions this server hosts
   */
  public record HostStatus(
      boolean hostAlive,
      long lastStatusUpdateMs,
      Map<String, ActiveStandby> activeStandbyPerQuery,
      HostStoreLags hostStoreLags) {

    public HostStatus {
      activeStandbyPerQuery = Lists.copyOrEmpty(activeStandbyPerQuery);
    }
  }

  /**
   * What one server hosts of one query. Millrace keeps no standby replicas, so the standby lists
   * are always empty.
   *
   * @param activeStores the query's stores with a partition restored on the server
   * @param activePartitions the input partitions the server's tasks of the query read
   */
  public record ActiveStandby(
      List<String> activeStores,
      List<TopicPartitionEntity> activePartitions,
      List<String> standByStores,
      List<TopicPartitionEntity> standByPartitions) {

    public ActiveStandby {
      activeStores = Lists.copyOrEmpty(activeStores);
      activePartitions = Lists.copyOrEmpty(activePartitions);
      standByStores = Lists.copyOrEmpty(standByStores);
      standByPartitions = Lists.copyOrEmpty(standByPartitions);
    }
  }

  /** A partition of a topic. */
  public record TopicPartitionEntity(String topic, int partition) {}

  /**
   * State-store lag of one server, by {@code <queryId>#<store>}.
   *
   * @param updateTimeMs when the server reported it (when its last heartbeat arrived)
   */
  public record HostStoreLags(Map<String, StateStoreLags> stateStoreLags, long updateTimeMs) {

    public HostStoreLags {
      stateStoreLags = Lists.copyOrEmpty(stateStoreLags);
    }
  }

  /**
   * The lag of each partition of one store a server holds.
   *
   * @param size how many partitions are listed
   */
  public record StateStoreLags(Map<Integer, LagInfo> lagByPartition, int size) {

    public StateStoreLags {
      lagByPartition = Lists.copyOrEmpty(lagByPartition);
    }
  }

  /** How far a copy of a store partition is behind its changelog, in Kafka Streams' terms. */
  public record LagInfo(long currentOffsetPosition, long endOffsetPosition, long offsetLag) {}

  public ClusterStatusResponse {
    clusterStatus = Lists.copyOrEmpty(clusterStatus);
  }
}
