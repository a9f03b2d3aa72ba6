package dev.millrace.engine.runtime;

import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.engine.types.LogicalSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes rows to and reads rows from the test broker's topics, in a plan's formats. */
final class KafkaTopics {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String bootstrapServers;
  private long nextTimestamp;

  KafkaTopics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  void create(String topic, int partitions) throws ExecutionException, InterruptedException {
    create(topic, partitions, Map.of());
  }

  /** Creates {@code topic} with {@code configs} on top of unlimited retention. */
  void create(String topic, int partitions, Map<String, String> configs)
      throws ExecutionException, InterruptedException {
    Map<String, String> all = new HashMap<>(configs);
    all.putIfAbsent("retention.ms", "-1");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin
          .createTopics(
              List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(all)))
          .all()
          .get();
    }
  }

  /**
   * Writes rows {@code {key, value...}} with timestamps that grow by 1000 with every record this
   * object writes.
   */
  void write(String topic, Formats formats, LogicalSchema schema, List<Object[]> rows) {
    KeySerde keys = SerdeFactory.keySerde(formats.key(), schema.key(), formats.keyWindow());
    ValueSerde values = SerdeFactory.valueSerde(formats.value(), schema.value());
    List<byte[][]> records = new ArrayList<>();
    for (Object[] row : rows) {
      records.add(
          new byte[][] {
            keys.serialize(new Object[] {row[0]}, null),
            values.serialize(Arrays.copyOfRange(row, 1, row.length))
          });
    }
    writeBytes(topic, records);
  }

  /** Writes a tombstone (null value) for {@code key}, timestamped as {@link #write} does. */
  void delete(String topic, Formats formats, LogicalSchema schema, Object key) {
    KeySerde keys = SerdeFactory.keySerde(formats.key(), schema.key(), formats.keyWindow());
    List<byte[][]> records = new ArrayList<>();
    records.add(new byte[][] {keys.serialize(new Object[] {key}, null), null});
    writeBytes(topic, records);
  }

  void writeBytes(String topic, List<byte[][]> records) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrapServers),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (byte[][] record : records) {
        nextTimestamp += 1000;
        producer.send(new ProducerRecord<>(topic, null, nextTimestamp, record[0], record[1]));
      }
    }
  }

  /**
   * Reads committed records of {@code topic} as {@code key -> value} text until {@code done} holds.
   */
  List<String> readUntil(
      String topic, Formats formats, LogicalSchema schema, Predicate<List<String>> done) {
    return readRawUntil(topic, asText(formats, schema), done);
  }

  /**
   * Each key's latest row in {@code topic}, read until those are {@code expected} (the caller
   * compares them).
   */
  Map<String, String> latestUntil(
      String topic, Formats formats, LogicalSchema schema, Map<String, String> expected) {
    return latestByKey(
        readUntil(topic, formats, schema, rows -> latestByKey(rows).equals(expected)));
  }

  /**
   * Every record of {@code topic} committed so far, as {@code key -> value} text: reads to the end
   * offsets a read_committed consumer sees, which stop before any open transaction.
   */
  List<String> readCommitted(String topic, Formats formats, LogicalSchema schema) {
    Render render = asText(formats, schema);
    try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(topic, "read_committed")) {
      Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (ends.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          seen.add(render.render(record));
        }
      }
      return seen;
    }
  }

  /** The latest value of each key in {@code lines} of {@code key -> value}. */
  static Map<String, String> latestByKey(List<String> lines) {
    Map<String, String> latest = new LinkedHashMap<>();
    for (String line : lines) {
      String[] parts = line.split(" -> ", 2);
      latest.put(parts[0], parts[1]);
    }
    return latest;
  }

  interface Render {
    String render(ConsumerRecord<byte[], byte[]> record);
  }

  /** Renders a record as {@code key -> value} text, its bytes read in the formats and schema. */
  private static Render asText(Formats formats, LogicalSchema schema) {
    KeySerde keys = SerdeFactory.keySerde(formats.key(), schema.key(), formats.keyWindow());
    ValueSerde values = SerdeFactory.valueSerde(formats.value(), schema.value());
    return record ->
        Arrays.toString(keys.deserialize(record.key()).columns())
            + " -> "
            + (record.value() == null
                ? "null"
                : Arrays.toString(values.deserialize(record.value())));
  }

  List<String> readRawUntil(String topic, Render render, Predicate<List<String>> done) {
    return readRawUntil(topic, "read_committed", render, done);
  }

  /**
   * Reads {@code topic} until {@code done}, with {@code isolation} read_committed or
   * read_uncommitted.
   */
  List<String> readRawUntil(
      String topic, String isolation, Render render, Predicate<List<String>> done) {
    try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(topic, isolation)) {
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!done.test(seen) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          seen.add(render.render(record));
        }
      }
      return seen;
    }
  }

  /** A consumer assigned every partition of {@code topic}, at their beginnings. */
  private KafkaConsumer<byte[], byte[]> fromBeginning(String topic, String isolation) {
    Map<String, Object> props =
        Map.of("bootstrap.servers", bootstrapServers, "isolation.level", isolation);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      TopicPartitions.assignFromBeginning(consumer, topic);
      return consumer;
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }
}
