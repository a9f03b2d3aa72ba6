package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.HttpSchemaRegistry;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.kafka.KafkaBackend;
import dev.millrace.server.registry.RegistryApi;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose columns are inferred from subjects another producer registered, with schemas that
 * are not the text Millrace would generate, joined by a stream repartitioned into the table's key
 * format over four partitions. The repartitioned keys must carry the producer's schema id, as the
 * table's own keys do: a generated schema would be registered as another version with another id,
 * and equal keys with different ids in their bytes hash to different partitions.
 */
class InferredKeyJoinOnKafkaTest {
  private static final String SERVICE_ID = "inferred_key_join";
  private static final long PATIENCE_MILLIS = 60_000;
  private static final int USERS = 12;
  private static final String KEY_SCHEMA =
      "{\"type\":\"int\",\"connect.name\":\"com.acme.UserId\",\"doc\":\"the user's id\"}";
  private static final String VALUE_SCHEMA =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.acme\",\"fields\":["
          + "{\"name\":\"name\",\"type\":\"string\"}]}";

  @TempDir static Path dataDir;

  private static EmbeddedKafkaBroker broker;
  private static KafkaBackend backend;
  private static StatementEngine engine;
  private static RegistryApi registry;

  @BeforeAll
  static void start() {
    String url = TestSchemaRegistry.url();
    registry = new RegistryApi(url);
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

  @Test
  void everyRepartitionedStreamRowMeetsTheRowOfATableWithInferredKeys() throws Exception {
    int keyId = registry.registerAvro("ik_users-key", KEY_SCHEMA);
    int valueId = registry.registerAvro("ik_users-value", VALUE_SCHEMA);
    run(
        "CREATE TABLE ik_users WITH (KAFKA_TOPIC='ik_users', KEY_FORMAT='AVRO', "
            + "VALUE_FORMAT='AVRO', PARTITIONS=4);");
    Schema keySchema = new Schema.Parser().parse(KEY_SCHEMA);
    Schema valueSchema = new Schema.Parser().parse(VALUE_SCHEMA);
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int id = 1; id <= USERS; id++) {
        GenericData.Record user = new GenericData.Record(valueSchema);
        user.put("name", "user" + id);
        producer.send(
            new ProducerRecord<>(
                "ik_users",
                null,
                1_000L,
                ConfluentWire.avro(keyId, keySchema, id),
                ConfluentWire.avro(valueId, valueSchema, user)));
      }
    }
    run(
        "CREATE STREAM ik_views (view_id INT KEY, user_id INT) WITH (KAFKA_TOPIC='ik_views', "
            + "KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=4);");
    run(
        "CREATE STREAM ik_named_views WITH (KAFKA_TOPIC='ik_named_views', KEY_FORMAT='JSON', "
            + "VALUE_FORMAT='JSON') AS SELECT v.user_id, u.name FROM ik_views v "
            + "JOIN ik_users u ON v.user_id = u.rowkey;");
    for (int id = 1; id <= USERS; id++) {
      run("INSERT INTO ik_views (view_id, user_id) VALUES (" + (100 + id) + ", " + id + ");");
    }

    TreeSet<String> expected = new TreeSet<>();
    for (int id = 1; id <= USERS; id++) {
      expected.add(id + " {\"NAME\":\"user" + id + "\"}");
    }
    assertEquals(
        expected, awaitJoined("ik_named_views", expected), InferredKeyJoinOnKafkaTest::why);
    assertEquals(
        1, registry.versions("ik_users-key").size(), "no version other than the producer's");
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
