package dev.millrace.server.service;

import dev.millrace.engine.runtime.ClientSettings;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A Kafka client setting given as a query property, as Kafka Streams reads them: {@code
 * producer.<name>} for the producer, {@code consumer.<name>} for the consumers, or a bare client
 * setting for each client that has it. ({@code auto.offset.reset} is not one: it is the query's own
 * property.)
 *
 * @param name the client's setting
 * @param producer whether it goes to the query's producer
 * @param consumer whether it goes to the query's consumers
 */
record ClientProperty(String name, boolean producer, boolean consumer) {
  private static final String PRODUCER_PREFIX = "producer.";
  private static final String CONSUMER_PREFIX = "consumer.";

  /** Settings with their own meaning as query properties, passed to no client as they are. */
  private static final Set<String> QUERY_PROPERTIES = Set.of("auto.offset.reset");

  /** The client setting a property (without {@code ksql.streams.}) stands for, if any. */
  static Optional<ClientProperty> of(String property) {
    if (property.startsWith(PRODUCER_PREFIX)) {
      return Optional.of(
          new ClientProperty(property.substring(PRODUCER_PREFIX.length()), true, false));
    }
    if (property.startsWith(CONSUMER_PREFIX)) {
      return Optional.of(
          new ClientProperty(property.substring(CONSUMER_PREFIX.length()), false, true));
    }
    if (QUERY_PROPERTIES.contains(property)) {
      return Optional.empty();
    }
    boolean producer = ProducerConfig.configNames().contains(property);
    boolean consumer = ConsumerConfig.configNames().contains(property);
    return producer || consumer
        ? Optional.of(new ClientProperty(property, producer, consumer))
        : Optional.empty();
  }

  /** Whether Millrace sets this client setting itself ({@link ClientSettings#RESERVED}). */
  boolean reserved() {
    return ClientSettings.RESERVED.contains(name);
  }

  /** What is wrong with {@code value} for this setting, as Kafka's clients would say it. */
  Optional<String> problem(String value) {
    if (reserved()) {
      return Optional.of(
          "Millrace sets " + name + " itself (its guarantees depend on it); it cannot be changed.");
    }
    if (producer) {
      Optional<String> problem = problem(ProducerConfig.configDef(), value);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return consumer ? problem(ConsumerConfig.configDef(), value) : Optional.empty();
  }

  private Optional<String> problem(ConfigDef definitions, String value) {
    ConfigDef.ConfigKey key = definitions.configKeys().get(name);
    if (key == null) {
      return Optional.of("it is not a Kafka " + (producer ? "producer" : "consumer") + " setting.");
    }
    try {
      Object parsed = ConfigDef.parseType(name, value, key.type);
      if (key.validator != null) {
        key.validator.ensureValid(name, parsed);
      }
      return Optional.empty();
    } catch (ConfigException invalid) {
      return Optional.of("Kafka's clients refuse it: " + invalid.getMessage());
    }
  }
}
