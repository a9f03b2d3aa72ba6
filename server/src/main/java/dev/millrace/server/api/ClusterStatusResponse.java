package dev.millrace.server.api;

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
      Map<String, Object> activeStandbyPerQuery,
      HostStoreLags hostStoreLags) {

    public HostStatus {
      activeStandbyPerQuery = Lists.copyOrEmpty(activeStandbyPerQuery);
    }
  }

  /** State-store lag of one server; empty unless lag reporting is enabled. */
  public record HostStoreLags(Map<String, Object> stateStoreLags, long updateTimeMs) {

    public HostStoreLags {
      stateStoreLags = Lists.copyOrEmpty(stateStoreLags);
    }
  }

  public ClusterStatusResponse {
    clusterStatus = Lists.copyOrEmpty(clusterStatus);
  }
}
