package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.HttpSchemaRegistry;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.kafka.KafkaBackend;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A join whose one side is repartitioned into the other's key format, a schema-registry format,
 * over four partitions on the embedded broker and a real registry. Registry keys carry a schema id
 * in their bytes, and Kafka's partitioner hashes those bytes: the repartitioned side's keys must
 * land in the partitions of the same numbers as the other side's equal keys, whatever subject each
 * side's schema is registered under, or the join silently misses rows.
 */
class RegistryKeyJoinOnKafkaTest {
  private static final String SERVICE_ID = "registry_key_join";
  private static final long PATIENCE_MILLIS = 60_000;
  private static final int USERS = 12;

  @TempDir static Path dataDir;

  private static EmbeddedKafkaBroker broker;
  private static KafkaBackend backend;
  private static StatementEngine engine;

  @BeforeAll
  static void start() {
    String url = TestSchemaRegistry.url();
    broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0));
    FunctionRegistry functions = FunctionRegistry.builtIns();
    backend =
        new KafkaBackend(
            RuntimeConfig.of(broker.bootstrapServers(), SERVICE_ID, dataDir.resolve("state"))
                .withProcessingLogTopic(ProcessingLogStream.topic(SERVICE_ID)),
            functions,
            Duration.ofSeconds(30),
            new HttpSchemaRegistry(url));
    engine = new StatementEngine(backend, CommandSink.NONE, functions, Map.of(), false);
    ProcessingLogStream.register(engine, SERVICE_ID);
  }

  @AfterAll
  static void stop() {
    engine.close();
    broker.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AVRO", "PROTOBUF"})
  void everyRepartitionedStreamRecordMeetsItsTableRow(String keyFormat) throws Exception {
    String suffix = keyFormat.toLowerCase();
    run(
        "CREATE TABLE users_"
            + suffix
            + " (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='rk_users_"
            + suffix
            + "', KEY_FORMAT='"
            + keyFormat
            + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
    run(
        "CREATE STREAM views_"
            + suffix
            + " (view_id INT KEY, user_id INT) WITH (KAFKA_TOPIC='rk_views_"
            + suffix
            + "', KEY_FORMAT='"
            + keyFormat
            + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
    for (int id = 1; id <= USERS; id++) {
      run("INSERT INTO users_" + suffix + " (id, name) VALUES (" + id + ", 'user" + id + "');");
    }
    run(
        "CREATE STREAM named_views_"
            + suffix
            + " WITH (KAFKA_TOPIC='rk_named_views_"
            + suffix
            + "', KEY_FORMAT='JSON') AS SELECT v.user_id, u.name FROM views_"
            + suffix
            + " v JOIN users_"
            + suffix
            + " u ON v.user_id = u.id;");
    for (int id = 1; id <= USERS; id++) {
      run(
          "INSERT INTO views_"
              + suffix
              + " (view_id, user_id) VALUES ("
              + (100 + id)
              + ", "
              + id
              + ");");
    }

    TreeSet<String> expected = new TreeSet<>();
    for (int id = 1; id <= USERS; id++) {
      expected.add(id + " {\"NAME\":\"user" + id + "\"}");
    }
    assertEquals(
        expected,
        awaitJoined("rk_named_views_" + suffix, expected),
        RegistryKeyJoinOnKafkaTest::why);
  }

  /** What the queries report: their metrics and the processing log. */
  private static String why() {
    StringBuilder text = new StringBuilder();
    engine.queryMetrics().forEach(m -> text.append(m).append('\n'));
    String log = ProcessingLogStream.topic(SERVICE_ID);
    if (backend.topicExists(log)) {
      backend.readTopic(log).forEach(r -> text.append(new String(r.value(), UTF_8)).append('\n'));
    }
    return text.toString();
  }

  /** The joined records, read until they are those expected or the patience runs out. */
  private static TreeSet<String> awaitJoined(String topic, TreeSet<String> expected)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    TreeSet<String> joined = read(topic);
    while (!joined.equals(expected) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      joined = read(topic);
    }
    return joined;
  }

  private static TreeSet<String> read(String topic) {
    TreeSet<String> joined = new TreeSet<>();
    if (!backend.topicExists(topic)) {
      return joined;
    }
    for (QueryBackend.TopicRecord record : backend.readTopic(topic)) {
      joined.add(new String(record.key(), UTF_8) + " " + new String(record.value(), UTF_8));
    }
    return joined;
  }

  private static void run(String sql) {
    engine.execute(
        engine.parse(sql).get(0),
        Session.of(new HashMap<>(Map.of("auto.offset.reset", "earliest")), Map.of()));
  }
}
