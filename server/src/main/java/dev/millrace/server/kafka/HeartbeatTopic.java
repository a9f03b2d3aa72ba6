package dev.millrace.server.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers of one service telling each other they are alive, and what they run, through a
 * compacted single-partition topic ({@code _millrace-<serviceId>-heartbeats}): each server writes
 * its report under its own URL every interval, and reads everyone's, keeping the latest report of
 * each server with the time it arrived here. A server that closes writes a tombstone, so the others
 * forget it at once rather than after it misses its heartbeats.
 */
public final class HeartbeatTopic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatTopic.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String self;
  private final String topic;
  private final Supplier<byte[]> report;
  private final Clock clock;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final ScheduledExecutorService beats;
  private final Thread reader;
  private final Map<String, Heartbeat> latest = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  /** The latest report of one server, and when it arrived here (epoch milliseconds). */
  public record Heartbeat(byte[] report, long receivedMs) {}

  private HeartbeatTopic(
      String bootstrapServers,
      Map<String, Object> clientProperties,
      String topic,
      String self,
      Duration interval,
      Supplier<byte[]> report,
      Clock clock) {
    this.self = self;
    this.topic = topic;
    this.report = report;
    this.clock = clock;
    Properties producerProperties = new Properties();
    producerProperties.putAll(clientProperties);
    producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerProperties.put(ProducerConfig.CLIENT_ID_CONFIG, "millrace-heartbeats");
    producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer =
        new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
    Properties consumerProperties = new Properties();
    consumerProperties.putAll(clientProperties);
    consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(java.util.List.of(partition));
    consumer.seekToBeginning(java.util.List.of(partition));
    this.reader = new Thread(this::read, "millrace-heartbeats-" + self);
    this.reader.setDaemon(true);
    this.beats =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "millrace-heartbeat-writer");
              thread.setDaemon(true);
              return thread;
            });
    this.beats.scheduleAtFixedRate(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The heartbeat topic of a service. */
  public static String topicName(String serviceId) {
    return "_millrace-" + serviceId + "-heartbeats";
  }

  /**
   * Creates the service's heartbeat topic if it is missing, and starts writing {@code report} under
   * {@code self} every {@code interval} and reading the others' reports.
   */
  public static HeartbeatTopic start(
      String bootstrapServers,
      Map<String, Object> clientProperties,
      String serviceId,
      String self,
      Duration interval,
      Supplier<byte[]> report,
      Clock clock) {
    String topic = topicName(serviceId);
    try (TopicAdmin admin = TopicAdmin.connect(bootstrapServers, clientProperties)) {
      admin.createIfAbsent(
          new TopicSpec(topic, 1, Optional.empty(), Map.of("cleanup.policy", "compact")));
    }
    HeartbeatTopic heartbeats =
        new HeartbeatTopic(
            bootstrapServers, clientProperties, topic, self, interval, report, clock);
    heartbeats.reader.start();
    return heartbeats;
  }

  /** This server's key in the topic: its advertised URL. */
  public String self() {
    return self;
  }

  /** The latest report of every server heard of (this one included), by URL. */
  public Map<String, Heartbeat> latest() {
    return Map.copyOf(latest);
  }

  private void beat() {
    try {
      producer.send(new ProducerRecord<>(topic, 0, self, report.get()));
    } catch (RuntimeException failed) {
      LOG.warn("Cannot write this server's heartbeat: {}", failed.getMessage());
    }
  }

  private void read() {
    while (running) {
      try {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.key() == null) {
            continue;
          }
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), new Heartbeat(record.value(), clock.millis()));
          }
        }
      } catch (WakeupException closing) {
        return;
      } catch (KafkaException unreachable) {
        LOG.warn("Cannot read the heartbeats of the other servers: {}", unreachable.getMessage());
      }
    }
  }

  /**
   * Stops beating, tells the others this server has left, and stops reading; once only, as both
   * {@code TERMINATE CLUSTER} and the server's shutdown close it.
   */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    beats.shutdownNow();
    try {
      beats.awaitTermination(5, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>(topic, 0, self, null)).get(5, TimeUnit.SECONDS);
    } catch (Exception notSent) {
      LOG.warn("Could not tell the other servers that this one leaves: {}", notSent.getMessage());
    }
    producer.close(Duration.ofSeconds(5));
    consumer.wakeup();
    try {
      reader.join(5_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ZERO);
  }
}
