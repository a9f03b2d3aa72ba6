package dev.millrace.server.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A topic to create: name, partition count, replication factor (empty: the cluster's default) and
 * topic configs.
 */
public record TopicSpec(
    String name, int partitions, Optional<Short> replicas, Map<String, String> configs) {

  /**
   * Time-based retention compares against record timestamps, and Kafka deletes old-dated records
   * even from the active segment; topics the engine creates often carry old event times (tests,
   * replays of history), so they keep records forever unless told otherwise.
   */
  public static final Map<String, String> ENGINE_DEFAULTS = Map.of("retention.ms", "-1");

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "topic '" + name + "' needs at least 1 partition, got " + partitions);
    }
    replicas.ifPresent(
        r -> {
          if (r < 1) {
            throw new IllegalArgumentException(
                "topic '" + name + "' needs at least 1 replica, got " + r);
          }
        });
    configs = Map.copyOf(configs);
  }

  /** A topic with the cluster's replication factor and {@link #ENGINE_DEFAULTS}. */
  public static TopicSpec of(String name, int partitions) {
    return new TopicSpec(name, partitions, Optional.empty(), ENGINE_DEFAULTS);
  }

  /** This spec with the given replication factor. */
  public TopicSpec withReplicas(short replicationFactor) {
    return new TopicSpec(name, partitions, Optional.of(replicationFactor), configs);
  }

  /** This spec with one topic config added or replaced, e.g. {@code cleanup.policy=compact}. */
  public TopicSpec withConfig(String key, String value) {
    Map<String, String> merged = new TreeMap<>(configs);
    merged.put(key, value);
    return new TopicSpec(name, partitions, replicas, merged);
  }
}
