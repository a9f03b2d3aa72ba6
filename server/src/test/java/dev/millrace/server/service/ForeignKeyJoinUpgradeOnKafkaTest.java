package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign-key join query stored in the command log before foreign-key joins had subscriptions:
 * restarted after the upgrade, it has its tables' rows and its committed offsets, but neither the
 * subscription and response topics nor the stores of subscriptions and results. The test makes that
 * state on the embedded broker (it runs the query, then removes what the old layout did not have:
 * those topics, the stores' changelogs and the local state) and restarts the server from its
 * command log: a city renamed while the server was down, and one renamed after, reach the users
 * that live there, though no user row changes.
 */
class ForeignKeyJoinUpgradeOnKafkaTest {
  private static final String SERVICE_ID = "fk_upgrade";
  private static final long PATIENCE_MILLIS = 120_000;
  private static final String NEW_IN_LAYOUT = "-ForeignKeyJoin-0-";

  @TempDir static Path dataDir;

  private static EmbeddedKafkaBroker broker;
  private static Admin admin;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir.resolve("broker")).withPort(0));
    admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    broker.close();
  }

  @Test
  void rightChangesReachTheLeftRowsOfAQueryStoredBeforeSubscriptions() throws Exception {
    try (EngineOnKafka server = start()) {
      run(
          server,
          "CREATE TABLE users (id STRING PRIMARY KEY, name STRING, city_id STRING) "
              + "WITH (KAFKA_TOPIC='up_users', VALUE_FORMAT='JSON', PARTITIONS=2);");
      run(
          server,
          "CREATE TABLE cities (id STRING PRIMARY KEY, city STRING) "
              + "WITH (KAFKA_TOPIC='up_cities', VALUE_FORMAT='JSON', PARTITIONS=2);");
      run(
          server,
          "CREATE TABLE user_cities AS SELECT u.id, u.name, c.city "
              + "FROM users u LEFT JOIN cities c ON u.city_id = c.id;");
      city("c1", "paris");
      city("c2", "oslo");
      user("u1", "ann", "c1");
      user("u2", "bob", "c2");
      user("u3", "cat", "c1");
      awaitLatest(Map.of("u1", "ann/paris", "u2", "bob/oslo", "u3", "cat/paris"));
    }
    for (String topic : topics()) {
      if (topic.contains(NEW_IN_LAYOUT)) {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }
    await(() -> topics().stream().noneMatch(t -> t.contains(NEW_IN_LAYOUT)), "topics deleted");
    deleteRecursively(dataDir.resolve("state"));
    city("c1", "PARIS");

    try (EngineOnKafka server = start()) {
      awaitLatest(Map.of("u1", "ann/PARIS", "u2", "bob/oslo", "u3", "cat/PARIS"));
      city("c2", "OSLO");
      awaitLatest(Map.of("u1", "ann/PARIS", "u2", "bob/OSLO", "u3", "cat/PARIS"));
    }
  }

  private static EngineOnKafka start() {
    return EngineOnKafka.start(
        broker.bootstrapServers(), SERVICE_ID, "one", dataDir.resolve("state"), Duration.ZERO);
  }

  private static void run(EngineOnKafka server, String sql) {
    Map<String, Object> earliest = new LinkedHashMap<>(Map.of("auto.offset.reset", "earliest"));
    server.engine().execute(server.engine().parse(sql).get(0), Session.of(earliest, Map.of()));
  }

  /** Reads the sink until each key's latest result is the one expected, then compares. */
  private static void awaitLatest(Map<String, String> expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    Map<String, String> latest = latest();
    while (!latest.equals(expected) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      latest = latest();
    }
    assertEquals(new TreeMap<>(expected), latest, "each user's latest result");
  }

  /** Each key's latest result, "name/city". */
  private static Map<String, String> latest() {
    Map<String, String> results = new TreeMap<>();
    if (!topics().contains("USER_CITIES")) {
      return results;
    }
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("USER_CITIES").stream()
              .map(p -> new TopicPartition("USER_CITIES", p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          var value = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value());
          results.put(
              new String(record.key(), UTF_8),
              value.path("NAME").asText() + "/" + value.path("CITY").asText("null"));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return results;
  }

  private static void user(String id, String name, String cityId) {
    produce("up_users", id, "{\"NAME\":\"" + name + "\",\"CITY_ID\":\"" + cityId + "\"}");
  }

  private static void city(String id, String city) {
    produce("up_cities", id, "{\"CITY\":\"" + city + "\"}");
  }

  private static void produce(String topic, String key, String value) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key.getBytes(UTF_8), value.getBytes(UTF_8)));
    }
  }

  private static Set<String> topics() {
    try {
      return admin.listTopics().names().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (!condition.getAsBoolean()) {
      assertTrue(System.currentTimeMillis() < deadline, "waited for: " + what);
      Thread.sleep(100);
    }
  }
}
