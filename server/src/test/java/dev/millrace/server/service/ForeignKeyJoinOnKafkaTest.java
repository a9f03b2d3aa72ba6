package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.runtime.ProcessingGuarantee;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.kafka.KafkaBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Foreign-key table joins on the embedded broker, exactly-once, over a left table of 4 partitions
 * and a right table of 3: left rows that change or lose their foreign key, right rows updated and
 * deleted, left rows deleted, and the queries stopped and started again (their server restarted
 * from its command log) with input written meanwhile. The inputs come in phases, each awaited
 * through its output before the next is written, so that every key's results are known exactly: the
 * test compares each key's whole sequence of results, read with read_committed.
 */
class ForeignKeyJoinOnKafkaTest {
  private static final String SERVICE_ID = "fk_join";
  private static final String INTERNAL = "_millrace-" + SERVICE_ID + "-query-";

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @Test
  void innerAndLeftJoinsFollowBothTablesAcrossPartitionsAndARestart() throws Exception {
    Map<String, List<String>> left = new TreeMap<>();
    Map<String, List<String>> inner = new TreeMap<>();
    try (Server server = Server.start()) {
      server.run(
          "CREATE TABLE users (id STRING PRIMARY KEY, name STRING, city_id STRING) "
              + "WITH (KAFKA_TOPIC='fk_users', VALUE_FORMAT='JSON', PARTITIONS=4);");
      server.run(
          "CREATE TABLE cities (id STRING PRIMARY KEY, city STRING) "
              + "WITH (KAFKA_TOPIC='fk_cities', VALUE_FORMAT='JSON', PARTITIONS=3);");
      city("c1", "paris");
      city("c2", "oslo");
      city("c3", "rome");
      city("c4", "lima");
      server.run(
          "CREATE TABLE user_cities AS SELECT u.id, u.name, c.city "
              + "FROM users u LEFT JOIN cities c ON u.city_id = c.id;");
      server.run(
          "CREATE TABLE matched_user_cities AS SELECT u.id, u.name, c.city "
              + "FROM users u JOIN cities c ON u.city_id = c.id;");
      // The cities are in the right tables' stores before any user subscribes to them.
      Await.condition(
          () ->
              server.engine().queryMetrics().stream().allMatch(m -> m.recordsIn() == 4)
                  && server.engine().queryMetrics().size() == 2,
          "waited for: both queries read the four cities");
      assertEquals(Set.of(3, 4), internalTopicPartitions(), "subscription and response topics");

      user("u1", "ann", "c1");
      user("u2", "bob", "c2");
      user("u3", "cat", "c3");
      user("u4", "dan", "c4");
      user("u5", "eve", "c1");
      user("u6", "fay", "c9"); // no such city
      user("u7", "gus", null);
      expect(left, "u1", "ann/paris");
      expect(left, "u2", "bob/oslo");
      expect(left, "u3", "cat/rome");
      expect(left, "u4", "dan/lima");
      expect(left, "u5", "eve/paris");
      expect(left, "u6", "fay/null");
      expect(left, "u7", "gus/null");
      expect(inner, "u1", "ann/paris");
      expect(inner, "u2", "bob/oslo");
      expect(inner, "u3", "cat/rome");
      expect(inner, "u4", "dan/lima");
      expect(inner, "u5", "eve/paris");
      awaitResults(left, inner);

      user("u1", "ann", "c2"); // moves: from now on c1's changes are not ann's
      city("c3", "roma");
      delete("fk_cities", "c4");
      delete("fk_users", "u7");
      user("u6", "fay", "c1"); // now references a city
      expect(left, "u1", "ann/oslo");
      expect(left, "u3", "cat/roma");
      expect(left, "u4", "dan/null");
      expect(left, "u7", null);
      expect(left, "u6", "fay/paris");
      expect(inner, "u1", "ann/oslo");
      expect(inner, "u3", "cat/roma");
      expect(inner, "u4", null);
      expect(inner, "u7", null); // a deleted left row deletes its result, joined or not
      expect(inner, "u6", "fay/paris");
      awaitResults(left, inner);

      city("c1", "PARIS");
      expect(left, "u5", "eve/PARIS");
      expect(left, "u6", "fay/PARIS");
      expect(inner, "u5", "eve/PARIS");
      expect(inner, "u6", "fay/PARIS");
      awaitResults(left, inner);
    }

    // While the queries are stopped: a right change reaches the subscriptions they had stored.
    city("c2", "OSLO");
    user("u3", "cat", "c9");
    expect(left, "u1", "ann/OSLO");
    expect(left, "u2", "bob/OSLO");
    expect(left, "u3", "cat/null");
    expect(inner, "u1", "ann/OSLO");
    expect(inner, "u2", "bob/OSLO");
    expect(inner, "u3", null);

    try (Server server = Server.start()) {
      awaitResults(left, inner);
      city("c3", "ROMA"); // referenced by nobody any more
      city("c9", "york");
      delete("fk_users", "u2");
      expect(left, "u3", "cat/york");
      expect(left, "u2", null);
      expect(inner, "u3", "cat/york");
      expect(inner, "u2", null);
      awaitResults(left, inner);

      for (String queryId : List.copyOf(server.engine().queries().keySet())) {
        server.run("TERMINATE " + queryId + ";");
      }
      Await.condition(
          () -> kafka.topics().stream().noneMatch(t -> t.startsWith(INTERNAL)),
          "waited for: the queries' internal topics deleted");
    }
  }

  private static void expect(Map<String, List<String>> results, String key, String value) {
    results.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  /** Reads both sink topics until they hold what is expected, then compares them exactly. */
  private static void awaitResults(Map<String, List<String>> left, Map<String, List<String>> inner)
      throws Exception {
    assertEquals(left, awaitResults("USER_CITIES", left), "LEFT join results by key");
    assertEquals(inner, awaitResults("MATCHED_USER_CITIES", inner), "INNER join results by key");
  }

  private static Map<String, List<String>> awaitResults(
      String topic, Map<String, List<String>> expected) throws Exception {
    return Await.until(() -> read(topic), expected::equals);
  }

  /** Each key's results in order: "name/city", or null for a delete. */
  private static Map<String, List<String>> read(String topic) {
    Map<String, List<String>> results = new TreeMap<>();
    if (!kafka.topics().contains(topic)) {
      return results;
    }
    for (ConsumerRecord<byte[], byte[]> record :
        KafkaClients.readAll(kafka.bootstrapServers(), topic, true)) {
      results
          .computeIfAbsent(new String(record.key(), UTF_8), k -> new ArrayList<>())
          .add(record.value() == null ? null : nameAndCity(record.value()));
    }
    return results;
  }

  private static String nameAndCity(byte[] json) {
    try {
      var value = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      return value.path("NAME").asText() + "/" + value.path("CITY").asText("null");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void user(String id, String name, String cityId) {
    String city = cityId == null ? "null" : "\"" + cityId + "\"";
    produce("fk_users", id, "{\"NAME\":\"" + name + "\",\"CITY_ID\":" + city + "}");
  }

  private static void city(String id, String city) {
    produce("fk_cities", id, "{\"CITY\":\"" + city + "\"}");
  }

  private static void delete(String topic, String id) {
    produce(topic, id, null);
  }

  /** Writes as INSERT INTO would: the KAFKA key's bytes partitioned by Kafka's partitioner. */
  private static void produce(String topic, String key, String value) {
    try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.bootstrapServers())) {
      producer.send(
          new ProducerRecord<>(
              topic, key.getBytes(UTF_8), value == null ? null : value.getBytes(UTF_8)));
    }
  }

  /** The partition counts of the queries' foreign-key join topics that exist. */
  private static Set<Integer> internalTopicPartitions() {
    try {
      List<String> topics =
          kafka.topics().stream()
              .filter(t -> t.startsWith(INTERNAL))
              .filter(t -> t.endsWith("-ForeignKeyJoin-0-subscription") || t.endsWith("-response"))
              .toList();
      return kafka.admin().describeTopics(topics).allTopicNames().get().values().stream()
          .map(d -> d.partitions().size())
          .collect(Collectors.toSet());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server's engine, exactly-once, replaying its command log at start as a restart does. */
  private record Server(CommandLog log, StatementEngine engine) implements AutoCloseable {
    static Server start() {
      FunctionRegistry functions = FunctionRegistry.builtIns();
      RuntimeConfig runtime =
          RuntimeConfig.of(kafka.bootstrapServers(), SERVICE_ID, kafka.dataDir().resolve("state"))
              .withGuarantee(ProcessingGuarantee.EXACTLY_ONCE);
      CommandLog log = CommandLog.open(kafka.bootstrapServers(), SERVICE_ID);
      StatementEngine engine =
          new StatementEngine(
              new KafkaBackend(runtime, functions, Duration.ofSeconds(30)),
              log::append,
              functions,
              Map.of(),
              false);
      assertEquals(List.of(), engine.replay(log.replay().commands()), "statements skipped");
      return new Server(log, engine);
    }

    void run(String sql) {
      Map<String, Object> earliest = new LinkedHashMap<>(Map.of("auto.offset.reset", "earliest"));
      engine.execute(engine.parse(sql).get(0), Session.of(earliest, Map.of()));
    }

    @Override
    public void close() {
      engine.close();
      log.close();
    }
  }
}
