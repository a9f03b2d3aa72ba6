package dev.millrace.engine.runtime;

import java.util.Map;
import java.util.Set;

/**
 * Kafka client settings users gave a query (ksqlDB's {@code ksql.streams.producer.*} and {@code
 * ksql.streams.consumer.*}, or a producer or consumer setting without the prefix). They are laid
 * over Millrace's own defaults, except the {@link #RESERVED} ones its guarantees rest on.
 *
 * @param producer settings for the query's producer
 * @param consumer settings for the query's consumers (the group member and the restore consumer)
 */
public record ClientSettings(Map<String, Object> producer, Map<String, Object> consumer) {
  /**
   * Settings Millrace chooses itself: the group, transactional and client ids follow the query id,
   * idempotence, isolation and manual commits make its guarantees, records stay bytes, and the
   * range assignor co-partitions joined topics.
   */
  public static final Set<String> RESERVED =
      Set.of(
          "bootstrap.servers",
          "client.id",
          "group.id",
          "transactional.id",
          "enable.idempotence",
          "isolation.level",
          "enable.auto.commit",
          "partition.assignment.strategy",
          "key.serializer",
          "value.serializer",
          "key.deserializer",
          "value.deserializer");

  /** No settings: Millrace's defaults. (After {@link #RESERVED}, which the constructor reads.) */
  public static final ClientSettings NONE = new ClientSettings(Map.of(), Map.of());

  public ClientSettings {
    producer = Map.copyOf(producer);
    consumer = Map.copyOf(consumer);
    for (String name : RESERVED) {
      if (producer.containsKey(name) || consumer.containsKey(name)) {
        throw new IllegalArgumentException(name + " is set by Millrace and cannot be changed");
      }
    }
  }
}
