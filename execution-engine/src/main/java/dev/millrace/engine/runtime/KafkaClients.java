package dev.millrace.engine.runtime;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka clients of one query, configured for its guarantee. Records stay bytes end to end. */
final class KafkaClients {
  static final int DEFAULT_LINGER_MS = 100;
  static final int DEFAULT_BATCH_SIZE = 128 * 1024;

  private final RuntimeConfig config;
  private final String clientIdPrefix;

  KafkaClients(RuntimeConfig config, String clientIdPrefix) {
    this.config = config;
    this.clientIdPrefix = clientIdPrefix;
  }

  /**
   * The group member that reads the query's inputs. The range assignor gives one member the same
   * partition number of every topic it reads with the same partition count, so co-partitioned
   * inputs reach the same task; read_committed keeps aborted writes of transactional producers (our
   * own repartition topics included) out of the query. The session is Kafka's former 10 s rather
   * than its 45 s default: a server restarted after a crash waits for its dead member's session to
   * end before the group hands the partitions out again.
   */
  KafkaConsumer<byte[], byte[]> mainConsumer(String groupId) {
    Map<String, Object> props = base("consumer");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
    props.putAll(config.clientProperties());
    props.putAll(config.clientSettings().consumer());
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * A consumer with no group, assigned partitions by hand: restores state, feeds transient queries.
   */
  KafkaConsumer<byte[], byte[]> assignedConsumer(String role) {
    Map<String, Object> props = base(role);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putAll(config.clientProperties());
    props.putAll(config.clientSettings().consumer());
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The producer of all the query's output. Under exactly-once it is transactional, with a short
   * transaction timeout so that a crashed instance's open transaction does not hold readers for
   * long. Batches are large and fill for as long as a commit interval lasts ({@link
   * #DEFAULT_LINGER_MS}, {@link #DEFAULT_BATCH_SIZE}): every commit sends what is waiting, so
   * lingering costs no latency under exactly-once, and big batches spare the broker many small
   * requests. Users' producer settings override these defaults.
   */
  KafkaProducer<byte[], byte[]> producer(String transactionalId) {
    return new KafkaProducer<>(
        producerProperties(transactionalId), new ByteArraySerializer(), new ByteArraySerializer());
  }

  Map<String, Object> producerProperties(String transactionalId) {
    Map<String, Object> props = base("producer");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, DEFAULT_BATCH_SIZE);
    if (transactionalId != null) {
      props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
    }
    props.putAll(config.clientProperties());
    props.putAll(config.clientSettings().producer());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    if (transactionalId != null) {
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return props;
  }

  Admin admin() {
    Map<String, Object> props = base("admin");
    props.putAll(config.clientProperties());
    return Admin.create(props);
  }

  private Map<String, Object> base(String role) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + role);
    return props;
  }
}
