package dev.millrace.server.service;

import dev.millrace.server.api.ClusterStatusResponse;
import dev.millrace.server.api.ClusterStatusResponse.ActiveStandby;
import dev.millrace.server.api.ClusterStatusResponse.HostStatus;
import dev.millrace.server.api.ClusterStatusResponse.HostStoreLags;
import dev.millrace.server.api.ClusterStatusResponse.LagInfo;
import dev.millrace.server.api.ClusterStatusResponse.StateStoreLags;
import dev.millrace.server.api.ClusterStatusResponse.TopicPartitionEntity;
import dev.millrace.server.api.LagResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as the REST API shows it, from the servers' heartbeats: {@code /clusterStatus} (each
 * server, alive or not, and what it hosts) and {@code /lag} (each query's consumer and store lag).
 */
final class ClusterReports {
  private ClusterReports() {}

  static ClusterStatusResponse status(List<ClusterHost> hosts) {
    Map<String, HostStatus> statuses = new LinkedHashMap<>();
    for (ClusterHost host : hosts) {
      Map<String, ActiveStandby> perQuery = new LinkedHashMap<>();
      Map<String, StateStoreLags> storeLags = new LinkedHashMap<>();
      host.report()
          .queries()
          .forEach(
              (queryId, state) -> {
                perQuery.put(queryId, activeStandby(state));
                storeLags(state)
                    .forEach((store, lags) -> storeLags.put(queryId + "#" + store, lags));
              });
      statuses.put(
          hostAndPort(host.url()),
          new HostStatus(
              host.alive(),
              host.lastStatusUpdateMs(),
              perQuery,
              new HostStoreLags(storeLags, host.lastStatusUpdateMs())));
    }
    return new ClusterStatusResponse(statuses);
  }

  static LagResponse lag(StatementEngine engine, List<ClusterHost> hosts) {
    Map<String, LagResponse.QueryLag> queries = new LinkedHashMap<>();
    for (String queryId : engine.queries().keySet()) {
      List<LagResponse.PartitionLag> consumer = new ArrayList<>();
      for (ConsumerLag lag : engine.backend().consumerLag(queryId)) {
        consumer.add(
            new LagResponse.PartitionLag(
                lag.topic(),
                lag.partition(),
                lag.committed(),
                lag.end(),
                lag.lag(),
                reader(hosts, queryId, lag).orElse(null)));
      }
      Map<String, Map<String, StateStoreLags>> stores = new LinkedHashMap<>();
      for (ClusterHost host : hosts) {
        LocalQueryState state = host.report().queries().get(queryId);
        if (host.alive() && state != null && !state.stores().isEmpty()) {
          stores.put(hostAndPort(host.url()), storeLags(state));
        }
      }
      queries.put(queryId, new LagResponse.QueryLag(consumer, stores));
    }
    return new LagResponse(queries);
  }

  /** The live server whose tasks read the partition, as its last heartbeat said. */
  private static Optional<String> reader(List<ClusterHost> hosts, String queryId, ConsumerLag lag) {
    for (ClusterHost host : hosts) {
      LocalQueryState state = host.report().queries().get(queryId);
      if (host.alive()
          && state != null
          && state.activePartitions().containsKey(lag.topic())
          && state.activePartitions().get(lag.topic()).contains(lag.partition())) {
        return Optional.of(hostAndPort(host.url()));
      }
    }
    return Optional.empty();
  }

  private static ActiveStandby activeStandby(LocalQueryState state) {
    List<String> stores = new ArrayList<>();
    state
        .stores()
        .forEach(
            (name, store) -> {
              if (store.lags().values().stream().anyMatch(LocalQueryState.StoreLag::restored)) {
                stores.add(name);
              }
            });
    List<TopicPartitionEntity> partitions = new ArrayList<>();
    state
        .activePartitions()
        .forEach(
            (topic, numbers) ->
                numbers.forEach(number -> partitions.add(new TopicPartitionEntity(topic, number))));
    return new ActiveStandby(stores, partitions, List.of(), List.of());
  }

  private static Map<String, StateStoreLags> storeLags(LocalQueryState state) {
    Map<String, StateStoreLags> stores = new LinkedHashMap<>();
    state
        .stores()
        .forEach(
            (name, store) -> {
              Map<Integer, LagInfo> byPartition = new LinkedHashMap<>();
              store
                  .lags()
                  .forEach(
                      (partition, lag) ->
                          byPartition.put(
                              partition,
                              new LagInfo(
                                  lag.currentOffsetPosition(),
                                  lag.endOffsetPosition(),
                                  lag.offsetLag())));
              stores.put(name, new StateStoreLags(byPartition, byPartition.size()));
            });
    return stores;
  }

  /** {@code host:port} of a server's URL, as ksqlDB keys servers. */
  static String hostAndPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + uri.getPort();
  }
}
