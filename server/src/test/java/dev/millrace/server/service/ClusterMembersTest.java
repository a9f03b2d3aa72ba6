package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.server.api.ApiJson;
import dev.millrace.server.kafka.HeartbeatTopic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a server makes of the others' heartbeats: who is alive, who owns which partitions of a
 * table, and the {@code /clusterStatus} it shows.
 */
class ClusterMembersTest {
  private static final String QUERY = "CTAS_T_0";
  private static final String STORE = "Aggregate-Materialize";
  private static final long NOW = 10_000;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  private final Map<String, HeartbeatTopic.Heartbeat> beats = new TreeMap<>();
  private final ClusterMembers members =
      new ClusterMembers(() -> beats, "http://a:1", Duration.ofSeconds(2), CLOCK);

  @Test
  void ownersOfThePartitionsNotHeldHere() {
    beat("http://a:1", NOW, held(0));
    beat("http://b:2", NOW - 500, held(1, 2));
    beat("http://c:3", NOW - 1_000, held(3));

    assertEquals(
        Optional.of(Map.of("http://b:2", set(1, 2), "http://c:3", set(3))),
        members.owners(QUERY, set(1, 2, 3)));
  }

  @Test
  void noOwnersWhenAPartitionHasNoLiveRestoredOwner() {
    beat("http://b:2", NOW, held(1));
    beat("http://c:3", NOW - 2_001, held(2)); // silent for longer than the window: gone
    beat("http://d:4", NOW, restoring(2));

    assertEquals(Optional.empty(), members.owners(QUERY, set(1, 2)));
    assertEquals(Optional.of(Map.of("http://b:2", set(1))), members.owners(QUERY, set(1)));
  }

  @Test
  void thisServerIsNeverAskedForItsOwnPartitions() {
    beat("http://a:1", NOW, held(0));

    assertEquals(Optional.empty(), members.owners(QUERY, set(0)));
  }

  @Test
  void clusterStatusListsEveryServerHeardOf() throws Exception {
    beat("http://a:1", NOW, held(0));
    beat("http://b:2", NOW - 3_000, new HostReport(Map.of()));

    assertEquals(
        "{\"clusterStatus\":{"
            + "\"a:1\":{\"hostAlive\":true,\"lastStatusUpdateMs\":10000,"
            + "\"activeStandbyPerQuery\":{\"CTAS_T_0\":{\"activeStores\":[\"Aggregate-Materialize\"],"
            + "\"activePartitions\":[{\"topic\":\"t\",\"partition\":0}],"
            + "\"standByStores\":[],\"standByPartitions\":[]}},"
            + "\"hostStoreLags\":{\"stateStoreLags\":{\"CTAS_T_0#Aggregate-Materialize\":"
            + "{\"lagByPartition\":{\"0\":{\"currentOffsetPosition\":7,\"endOffsetPosition\":7,"
            + "\"offsetLag\":0}},\"size\":1}},\"updateTimeMs\":10000}},"
            + "\"b:2\":{\"hostAlive\":false,\"lastStatusUpdateMs\":7000,"
            + "\"activeStandbyPerQuery\":{},"
            + "\"hostStoreLags\":{\"stateStoreLags\":{},\"updateTimeMs\":7000}}}}",
        ApiJson.mapper().writeValueAsString(ClusterReports.status(members.hosts())));
  }

  private void beat(String url, long receivedMs, HostReport report) {
    beats.put(url, new HeartbeatTopic.Heartbeat(report.toJson(), receivedMs));
  }

  private static HostReport held(Integer... partitions) {
    TreeMap<Integer, LocalQueryState.StoreLag> lags = new TreeMap<>();
    for (int partition : partitions) {
      lags.put(partition, new LocalQueryState.StoreLag(7, 7, 0, true));
    }
    return report(lags, partitions);
  }

  private static HostReport restoring(int partition) {
    TreeMap<Integer, LocalQueryState.StoreLag> lags = new TreeMap<>();
    lags.put(partition, new LocalQueryState.StoreLag(3, 7, 4, false));
    return report(lags, partition);
  }

  private static HostReport report(
      TreeMap<Integer, LocalQueryState.StoreLag> lags, Integer... partitions) {
    TreeMap<String, SortedSet<Integer>> active = new TreeMap<>();
    active.put("t", set(partitions));
    TreeMap<String, LocalQueryState.StoreState> stores = new TreeMap<>();
    stores.put(STORE, new LocalQueryState.StoreState("changelog", 4, lags));
    return new HostReport(Map.of(QUERY, new LocalQueryState(active, stores, Optional.of(STORE))));
  }

  private static SortedSet<Integer> set(Integer... partitions) {
    return new TreeSet<>(List.of(partitions));
  }
}
