package dev.millrace.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.service.CommandLog;
import dev.millrace.server.service.CommandLogException;
import dev.millrace.server.service.CommandReplay;
import dev.millrace.server.service.LoggedCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Millrace needs from any Kafka cluster: topic administration and the command log. Run against
 * the embedded broker and, where Docker exists, a containerised one. Each test uses fresh topic
 * names, so one broker serves the whole class.
 */
abstract class KafkaContractTest {

  private TopicAdmin topics;
  private String prefix;

  /** The cluster under test; started once per class by the subclass. */
  protected abstract String bootstrapServers();

  @BeforeEach
  void connect() {
    topics = TopicAdmin.connect(bootstrapServers());
    prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  @AfterEach
  void disconnect() {
    topics.close();
  }

  @Test
  void createsDescribesListsAndDeletesTopics() {
    String name = prefix + "orders";
    topics.create(TopicSpec.of(name, 3));

    assertTrue(topics.exists(name));
    TopicDescription description = topics.describe(name);
    assertEquals(
        List.of(0, 1, 2),
        description.partitions().stream().map(TopicDescription.Partition::partition).toList());
    assertTrue(
        description.partitions().stream()
            .allMatch(p -> p.leader() >= 0 && p.inSync() == p.replicas()));
    assertEquals(1, description.replicas());
    assertTrue(topics.list().contains(name));
    assertEquals("-1", topicConfig(name, "retention.ms"));

    topics.delete(name);
    assertFalse(topics.exists(name));
    assertFalse(topics.list().contains(name));
  }

  @Test
  void listLeavesOutKafkasInternalTopics() throws Exception {
    String name = prefix + "visible";
    topics.create(TopicSpec.of(name, 1));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      // Committing a group offset makes Kafka create its internal __consumer_offsets topic.
      admin
          .alterConsumerGroupOffsets(
              prefix + "group", Map.of(new TopicPartition(name, 0), new OffsetAndMetadata(0)))
          .all()
          .get();
    }

    assertTrue(topics.list().contains(name));
    assertTrue(
        topics.list().stream().noneMatch(topic -> topic.startsWith("__")),
        topics.list().toString());
  }

  @Test
  void createsWithGivenConfigsAndReplicas() {
    String name = prefix + "changelog";
    topics.create(
        TopicSpec.of(name, 1).withReplicas((short) 1).withConfig("cleanup.policy", "compact"));

    assertEquals("compact", topicConfig(name, "cleanup.policy"));
    assertEquals("-1", topicConfig(name, "retention.ms"));
  }

  @Test
  void refusesToCreateAnExistingTopic() {
    String name = prefix + "twice";
    topics.create(TopicSpec.of(name, 1));

    var error =
        assertThrows(
            TopicAdminException.TopicExists.class, () -> topics.create(TopicSpec.of(name, 1)));
    assertEquals("topic '" + name + "' already exists", error.getMessage());
    assertFalse(topics.createIfAbsent(TopicSpec.of(name, 1)));
    assertTrue(topics.createIfAbsent(TopicSpec.of(prefix + "once", 1)));
  }

  @Test
  void reportsUnknownTopics() {
    String name = prefix + "missing";

    assertFalse(topics.exists(name));
    var describe =
        assertThrows(TopicAdminException.UnknownTopic.class, () -> topics.describe(name));
    assertEquals("topic '" + name + "' does not exist", describe.getMessage());
    var delete = assertThrows(TopicAdminException.UnknownTopic.class, () -> topics.delete(name));
    assertEquals("topic '" + name + "' does not exist", delete.getMessage());
  }

  @Test
  void commandLogReplaysWhatWasAppendedInOrder() {
    String serviceId = prefix + "svc";
    try (CommandLog log = CommandLog.open(bootstrapServers(), serviceId)) {
      assertEquals("_millrace-" + serviceId + "-command_topic", log.topic());
      assertEquals(
          0,
          log.append(
              "CREATE STREAM a (x INT) WITH (kafka_topic='a', value_format='JSON');", Map.of()));
      assertEquals(
          1,
          log.append(
              "CREATE TABLE b AS SELECT x, COUNT(*) FROM a GROUP BY x;",
              Map.of("auto.offset.reset", "earliest")));

      assertEquals(
          List.of(
              new LoggedCommand(
                  0,
                  0,
                  "CREATE STREAM a (x INT) WITH (kafka_topic='a', value_format='JSON');",
                  Map.of()),
              new LoggedCommand(
                  1,
                  1,
                  "CREATE TABLE b AS SELECT x, COUNT(*) FROM a GROUP BY x;",
                  Map.of("auto.offset.reset", "earliest"))),
          log.replay().commands());
    }
    TopicDescription description = topics.describe(CommandLog.topicName(serviceId));
    assertEquals(1, description.partitions().size());
    assertEquals("delete", topicConfig(CommandLog.topicName(serviceId), "cleanup.policy"));
    assertEquals("-1", topicConfig(CommandLog.topicName(serviceId), "retention.ms"));
    assertEquals("-1", topicConfig(CommandLog.topicName(serviceId), "retention.bytes"));
  }

  @Test
  void reopenedCommandLogContinuesAfterExistingCommands() {
    String serviceId = prefix + "svc";
    try (CommandLog first = CommandLog.open(bootstrapServers(), serviceId)) {
      first.append(
          "CREATE STREAM a (x INT) WITH (kafka_topic='a', value_format='JSON');", Map.of());
    }
    try (CommandLog second = CommandLog.open(bootstrapServers(), serviceId)) {
      assertEquals(1, second.replay().commands().size());
      assertEquals(1, second.append("DROP STREAM a;", Map.of()));
      assertEquals(
          new LoggedCommand(1, 1, "DROP STREAM a;", Map.of()), second.replay().commands().get(1));
    }
  }

  @Test
  void commandLogSkipsAndReportsUnreadableRecords() {
    String serviceId = prefix + "svc";
    try (CommandLog log = CommandLog.open(bootstrapServers(), serviceId)) {
      log.append("CREATE STREAM a (x INT) WITH (kafka_topic='a', value_format='JSON');", Map.of());
      writeRaw(log.topic(), "not json at all");
      writeRaw(log.topic(), "{\"properties\": {}}");
      log.append("DROP STREAM a;", Map.of());

      CommandReplay replay = log.replay();

      assertEquals(List.of(0L, 3L), replay.commands().stream().map(LoggedCommand::offset).toList());
      assertEquals(
          List.of(
              "skipped command log record at "
                  + log.topic()
                  + "-0 offset 1 because it is not valid JSON",
              "skipped command log record at "
                  + log.topic()
                  + "-0 offset 2 because it has no \"statement\" text"),
          replay.skipped());
    }
  }

  @Test
  void commandLogRefusesATopicWithSeveralPartitions() {
    String serviceId = prefix + "svc";
    topics.create(TopicSpec.of(CommandLog.topicName(serviceId), 2));

    var error =
        assertThrows(
            CommandLogException.class, () -> CommandLog.open(bootstrapServers(), serviceId));
    assertEquals(
        "command topic '"
            + CommandLog.topicName(serviceId)
            + "' has 2 partitions; it must have exactly 1 so that commands keep their order",
        error.getMessage());
  }

  private void writeRaw(String topic, String value) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8))).get();
    } catch (Exception e) {
      throw new AssertionError("cannot write to " + topic, e);
    }
  }

  private String topicConfig(String topic, String key) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
      return config.get(key).value();
    } catch (Exception e) {
      throw new AssertionError("cannot read the configs of " + topic, e);
    }
  }
}
