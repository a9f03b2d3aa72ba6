package dev.millrace.server.config;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The security settings every Kafka client of the server gets, so that Millrace works with a
 * secured cluster: {@code security.protocol}, {@code security.providers}, {@code sasl.*} and {@code
 * ssl.*}, each also with ksqlDB's {@code ksql.streams.} prefix, which wins over the plain key (as
 * in ksqlDB, the plain {@code ssl.*} keys also configure an {@code https} listener). A key in these
 * families that no Kafka client knows is an error rather than a setting silently dropped, and the
 * values are checked by Kafka's own client configuration at start-up.
 */
final class KafkaClientSecurity {

  static final String STREAMS_PREFIX = "ksql.streams.";

  /** Every security key of Kafka's admin, producer and consumer clients. */
  private static final Set<String> CLIENT_KEYS = clientKeys();

  private KafkaClientSecurity() {}

  /**
   * The Kafka client properties among {@code properties}.
   *
   * @param listenerOnlyKeys {@code ssl.*} keys that configure the REST listener, not Kafka clients
   * @throws ConfigException for an unknown key or a value Kafka refuses
   */
  static Map<String, Object> parse(Map<String, String> properties, Set<String> listenerOnlyKeys) {
    Map<String, Object> plain = new TreeMap<>();
    Map<String, Object> prefixed = new TreeMap<>();
    properties.forEach(
        (key, value) -> {
          boolean streams = key.startsWith(STREAMS_PREFIX);
          String name = streams ? key.substring(STREAMS_PREFIX.length()) : key;
          if (!isSecurityKey(name) || (!streams && listenerOnlyKeys.contains(name))) {
            return;
          }
          if (!CLIENT_KEYS.contains(name)) {
            throw new ConfigException(
                "unsupported setting "
                    + key
                    + ": no Kafka client knows it, and Millrace's REST listener reads only "
                    + String.join(", ", listenerOnlyKeys.stream().sorted().toList())
                    + " beyond Kafka's ssl.* settings",
                null);
          }
          (streams ? prefixed : plain).put(name, value);
        });
    plain.putAll(prefixed);
    check(plain);
    return Map.copyOf(plain);
  }

  private static boolean isSecurityKey(String name) {
    return name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.");
  }

  /** Lets Kafka check types and allowed values now, not when the first client starts. */
  private static void check(Map<String, Object> security) {
    Map<String, Object> client = new TreeMap<>(security);
    // Only to satisfy the config's required key; no connection is made.
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    try {
      // Parsing checks each value as a client would, without logging the whole client config.
      AdminClientConfig.configDef().parse(client);
    } catch (org.apache.kafka.common.config.ConfigException invalid) {
      throw new ConfigException("invalid Kafka client setting: " + invalid.getMessage(), invalid);
    }
  }

  private static Set<String> clientKeys() {
    Set<String> keys = new HashSet<>(AdminClientConfig.configNames());
    keys.addAll(ProducerConfig.configNames());
    keys.addAll(ConsumerConfig.configNames());
    keys.removeIf(key -> !isSecurityKey(key));
    return Set.copyOf(keys);
  }
}
