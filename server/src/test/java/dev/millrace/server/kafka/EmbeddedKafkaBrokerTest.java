package dev.millrace.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.service.CommandLog;
import dev.millrace.server.service.LoggedCommand;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's life cycle. One broker for the class, started on a port that is already
 * taken; the restart test stops and restarts it on the same data directory.
 */
class EmbeddedKafkaBrokerTest {

  @TempDir static Path dataDir;

  private static ServerSocket takenPort;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startOnTakenPort() throws IOException {
    takenPort = new ServerSocket();
    takenPort.bind(new InetSocketAddress("localhost", 0));
    broker =
        EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(takenPort.getLocalPort()));
  }

  @AfterAll
  static void stop() throws IOException {
    assertEquals(Optional.empty(), broker.fatalFault());
    broker.close();
    takenPort.close();
  }

  @Test
  void fallsBackToAFreePortWhenThePreferredOneIsTaken() {
    assertNotEquals(takenPort.getLocalPort(), broker.port());
    assertEquals("localhost:" + broker.port(), broker.bootstrapServers());
    try (TopicAdmin topics = TopicAdmin.connect(broker.bootstrapServers())) {
      topics.create(TopicSpec.of("reachable", 1));
    }
  }

  @Test
  void keepsDataUnderTheDataDirectory() {
    assertEquals(dataDir.resolve("kafka"), broker.logDir());
    assertTrue(Files.exists(dataDir.resolve("kafka").resolve("meta.properties")));
  }

  @Test
  void refusesASecondBrokerOnTheSameDataDirectory() {
    var error =
        assertThrows(
            BrokerStartException.class,
            () -> EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0)));
    assertEquals(
        "another embedded Kafka broker (another Millrace server?) is using the data in "
            + dataDir.resolve("kafka")
            + "; stop it or give this server another data directory",
        error.getMessage());
    assertEquals(Optional.empty(), broker.fatalFault());
  }

  @Test
  void restartKeepsTopicsRecordsCommittedOffsetsAndCommands() throws Exception {
    try (TopicAdmin topics = TopicAdmin.connect(broker.bootstrapServers())) {
      topics.create(TopicSpec.of("pageviews", 2));
    }
    produce("pageviews", List.of("a", "b", "c"));
    commitOffset("counter", new TopicPartition("pageviews", 0), 2);
    try (CommandLog log = CommandLog.open(broker.bootstrapServers(), "restart")) {
      log.append(
          "CREATE STREAM pageviews (page STRING) WITH (kafka_topic='pageviews', value_format='JSON');",
          Map.of());
    }

    broker.close();
    broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0));

    try (TopicAdmin topics = TopicAdmin.connect(broker.bootstrapServers())) {
      assertEquals(2, topics.describe("pageviews").partitions().size());
    }
    assertEquals(List.of("a", "b", "c"), consumeAll(new TopicPartition("pageviews", 0), 3));
    assertEquals(2, committedOffset("counter", new TopicPartition("pageviews", 0)));
    try (CommandLog log = CommandLog.open(broker.bootstrapServers(), "restart")) {
      assertEquals(
          List.of(
              new LoggedCommand(
                  0,
                  0,
                  "CREATE STREAM pageviews (page STRING) WITH (kafka_topic='pageviews', value_format='JSON');",
                  Map.of())),
          log.replay().commands());
      assertEquals(1, log.append("DROP STREAM pageviews;", Map.of()));
    }
  }

  private static void produce(String topic, List<String> values) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
      }
    }
  }

  private static List<String> consumeAll(TopicPartition partition, int expected) {
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      while (values.size() < expected) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
      }
    }
    return values;
  }

  private static void commitOffset(String group, TopicPartition partition, long offset)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin
          .alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset)))
          .all()
          .get();
    }
  }

  private static long committedOffset(String group, TopicPartition partition) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .get(partition)
          .offset();
    }
  }
}
