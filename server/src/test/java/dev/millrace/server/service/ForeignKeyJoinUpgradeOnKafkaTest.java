package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
  private static final String NEW_IN_LAYOUT = "-ForeignKeyJoin-0-";

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

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
    for (String topic : kafka.topics()) {
      if (topic.contains(NEW_IN_LAYOUT)) {
        kafka.admin().deleteTopics(List.of(topic)).all().get();
      }
    }
    Await.condition(
        () -> kafka.topics().stream().noneMatch(t -> t.contains(NEW_IN_LAYOUT)),
        "waited for: topics deleted");
    KafkaBrokerExtension.deleteRecursively(kafka.dataDir().resolve("one"));
    city("c1", "PARIS");

    try (EngineOnKafka server = start()) {
      awaitLatest(Map.of("u1", "ann/PARIS", "u2", "bob/oslo", "u3", "cat/PARIS"));
      city("c2", "OSLO");
      awaitLatest(Map.of("u1", "ann/PARIS", "u2", "bob/OSLO", "u3", "cat/PARIS"));
    }
  }

  private static EngineOnKafka start() {
    return kafka.server(SERVICE_ID, "one", Duration.ZERO);
  }

  private static void run(EngineOnKafka server, String sql) {
    Map<String, Object> earliest = new LinkedHashMap<>(Map.of("auto.offset.reset", "earliest"));
    server.engine().execute(server.engine().parse(sql).get(0), Session.of(earliest, Map.of()));
  }

  /** Reads the sink until each key's latest result is the one expected, then compares. */
  private static void awaitLatest(Map<String, String> expected) throws Exception {
    assertEquals(
        new TreeMap<>(expected),
        Await.until(ForeignKeyJoinUpgradeOnKafkaTest::latest, expected::equals),
        "each user's latest result");
  }

  /** Each key's latest result, "name/city". */
  private static Map<String, String> latest() {
    Map<String, String> results = new TreeMap<>();
    if (!kafka.topics().contains("USER_CITIES")) {
      return results;
    }
    try {
      for (ConsumerRecord<byte[], byte[]> record :
          KafkaClients.readAll(kafka.bootstrapServers(), "USER_CITIES", false)) {
        var value = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value());
        results.put(
            new String(record.key(), UTF_8),
            value.path("NAME").asText() + "/" + value.path("CITY").asText("null"));
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
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
      producer.send(new ProducerRecord<>(topic, key.getBytes(UTF_8), value.getBytes(UTF_8)));
    }
  }
}
