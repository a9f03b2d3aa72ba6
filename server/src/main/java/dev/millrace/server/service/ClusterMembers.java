package dev.millrace.server.service;

import dev.millrace.server.kafka.HeartbeatTopic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The servers of this server's service, as their heartbeats tell: which are alive, and which holds
 * which partitions of each query's state, so that a pull query can be sent to the owners of the
 * partitions this server does not hold.
 */
public final class ClusterMembers {
  private final Supplier<Map<String, HeartbeatTopic.Heartbeat>> heartbeats;
  private final String self;
  private final Duration aliveWindow;
  private final Clock clock;

  /**
   * @param heartbeats the latest heartbeat of each server, by URL
   * @param self this server's URL
   * @param aliveWindow how recent a server's last heartbeat must be for it to count as alive
   */
  public ClusterMembers(
      Supplier<Map<String, HeartbeatTopic.Heartbeat>> heartbeats,
      String self,
      Duration aliveWindow,
      Clock clock) {
    this.heartbeats = heartbeats;
    this.self = self;
    this.aliveWindow = aliveWindow;
    this.clock = clock;
  }

  /** This server's advertised URL. */
  public String self() {
    return self;
  }

  /** Every server heard of, by URL; reports that cannot be read count as empty. */
  public List<ClusterHost> hosts() {
    long now = clock.millis();
    List<ClusterHost> hosts = new ArrayList<>();
    new TreeMap<>(heartbeats.get())
        .forEach(
            (url, beat) ->
                hosts.add(
                    new ClusterHost(
                        url,
                        now - beat.receivedMs() <= aliveWindow.toMillis(),
                        beat.receivedMs(),
                        HostReport.fromJson(beat.report()).orElse(new HostReport(Map.of())),
                        url.equals(self))));
    return hosts;
  }

  /**
   * The live servers other than this one that hold the given partitions of the query's materialised
   * table, restored, each with the partitions to ask it for; empty when some partition has no such
   * owner.
   */
  Optional<SortedMap<String, SortedSet<Integer>>> owners(
      String queryId, SortedSet<Integer> partitions) {
    SortedMap<String, SortedSet<Integer>> owners = new TreeMap<>();
    SortedSet<Integer> unowned = new TreeSet<>(partitions);
    for (ClusterHost host : hosts()) {
      if (host.self() || !host.alive()) {
        continue;
      }
      LocalQueryState state = host.report().queries().get(queryId);
      if (state == null || state.table().isEmpty()) {
        continue;
      }
      LocalQueryState.StoreState store = state.stores().get(state.table().get());
      if (store == null) {
        continue;
      }
      store
          .lags()
          .forEach(
              (partition, lag) -> {
                if (lag.restored() && unowned.remove(partition)) {
                  owners.computeIfAbsent(host.url(), url -> new TreeSet<>()).add(partition);
                }
              });
    }
    return unowned.isEmpty() ? Optional.of(owners) : Optional.empty();
  }
}
