package dev.millrace.engine.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.millrace.engine.state.ChangelogPartition;
import dev.millrace.engine.state.ChangelogRestorer;
import dev.millrace.engine.state.InMemoryKeyValueStore;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ChangelogRestoreTest {
  private final TestKafkaBroker broker = TestKafkaBroker.shared();

  @Test
  void aStoreIsRebuiltFromItsChangelogFromAnyOffset() throws Exception {
    String topic = "restore-changelog";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      new InternalTopics(admin).ensure(topic, 2, InternalTopics.CHANGELOG_CONFIG);
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "key.serializer",
                "org.apache.kafka.common.serialization.ByteArraySerializer",
                "value.serializer",
                "org.apache.kafka.common.serialization.ByteArraySerializer"))) {
      producer.send(new ProducerRecord<>(topic, 1, bytes("a"), bytes("1")));
      producer.send(new ProducerRecord<>(topic, 1, bytes("b"), bytes("1")));
      producer.send(new ProducerRecord<>(topic, 1, bytes("a"), bytes("2")));
      producer.send(new ProducerRecord<>(topic, 1, bytes("b"), null));
      producer.send(new ProducerRecord<>(topic, 0, bytes("other"), bytes("x")));
    }
    KafkaClients clients =
        new KafkaClients(
            RuntimeConfig.of(broker.bootstrapServers(), "test", java.nio.file.Path.of(".")),
            "restore-test");
    try (KafkaConsumer<byte[], byte[]> consumer = clients.assignedConsumer("restore")) {
      ChangelogRestorer restorer = new ChangelogRestorer(consumer);
      ChangelogPartition changelog = new ChangelogPartition(topic, 1);

      InMemoryKeyValueStore full = new InMemoryKeyValueStore("s");
      assertEquals(4, restorer.restore(full, changelog, 0));
      assertArrayEquals(bytes("2"), full.get(bytes("a")));
      assertNull(full.get(bytes("b")));
      assertNull(full.get(bytes("other")));
      assertEquals(Optional.empty(), restorer.progress(), "no restore under way once it returned");

      InMemoryKeyValueStore tail = new InMemoryKeyValueStore("s");
      assertEquals(4, restorer.restore(tail, changelog, 2));
      assertArrayEquals(bytes("2"), tail.get(bytes("a")));
      assertEquals(4, restorer.restore(tail, changelog, 4));
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
