package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.millrace.engine.registry.HttpSchemaRegistry;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.server.api.FieldInfo;
import dev.millrace.server.api.SourceDescriptionEntity;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.registry.ConfluentWire;
import dev.millrace.server.registry.RegistryApi;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose columns were inferred from its subjects' latest schemas, on a server restarted from
 * its command log after a producer registered new versions of both subjects: the table keeps the
 * columns and the key schema id it was created with, so a stream repartitioned into its key format
 * after the restart writes keys with the id the table's own records carry, and every row joins.
 * Planning the CREATE again would take the new versions: other columns, and keys whose bytes, and
 * so partitions, differ from those of the table's records.
 */
class InferredSourceRestartOnKafkaTest {
  private static final String SERVICE_ID = "inferred_restart";
  private static final long PATIENCE_MILLIS = 60_000;
  private static final int USERS = 12;
  private static final String KEY_SCHEMA =
      "{\"type\":\"int\",\"connect.name\":\"com.acme.UserId\",\"doc\":\"the user's id\"}";
  private static final String NEW_KEY_SCHEMA =
      "{\"type\":\"int\",\"connect.name\":\"com.acme.UserId\",\"connect.version\":2,"
          + "\"doc\":\"the user's id, from the accounts service\"}";
  private static final String VALUE_SCHEMA =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.acme\",\"fields\":["
          + "{\"name\":\"name\",\"type\":\"string\"}]}";
  private static final String NEW_VALUE_SCHEMA =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.acme\",\"fields\":["
          + "{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

  @TempDir Path dataDir;

  @Test
  void aRestartedServerKeepsTheColumnsAndKeySchemaIdTheTableWasCreatedWith() throws Exception {
    String url = TestSchemaRegistry.url();
    RegistryApi registry = new RegistryApi(url);
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0))) {
      int keyId = registry.registerAvro("ir_users-key", KEY_SCHEMA);
      int valueId = registry.registerAvro("ir_users-value", VALUE_SCHEMA);
      DataSource created;
      try (EngineOnKafka server = start(broker, url)) {
        server.run(
            "CREATE TABLE ir_users WITH (KAFKA_TOPIC='ir_users', KEY_FORMAT='AVRO', "
                + "VALUE_FORMAT='AVRO', PARTITIONS=4);");
        created = server.engine().catalogSnapshot().source("IR_USERS").orElseThrow();
      }
      produceUsers(broker, keyId, valueId);
      int newKeyId = registry.registerAvro("ir_users-key", NEW_KEY_SCHEMA);
      registry.registerAvro("ir_users-value", NEW_VALUE_SCHEMA);
      assertNotEquals(keyId, newKeyId, "the key subject's new version has an id of its own");

      try (EngineOnKafka restarted = start(broker, url)) {
        restarted.run(
            "CREATE STREAM ir_views (view_id INT KEY, user_id INT) WITH (KAFKA_TOPIC='ir_views', "
                + "KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=4);");
        earliest(
            restarted,
            "CREATE STREAM ir_named_views WITH (KAFKA_TOPIC='ir_named_views', KEY_FORMAT='JSON', "
                + "VALUE_FORMAT='JSON') AS SELECT v.user_id, u.name FROM ir_views v "
                + "JOIN ir_users u ON v.user_id = u.rowkey;");
        for (int id = 1; id <= USERS; id++) {
          restarted.run(
              "INSERT INTO ir_views (view_id, user_id) VALUES (" + (100 + id) + ", " + id + ");");
        }

        TreeSet<String> expected = new TreeSet<>();
        for (int id = 1; id <= USERS; id++) {
          expected.add(id + " {\"NAME\":\"user" + id + "\"}");
        }
        assertEquals(expected, awaitJoined(restarted, "ir_named_views", expected));
        assertEquals(List.of("ROWKEY INTEGER KEY", "NAME STRING"), described(restarted));
        DataSource replayed = restarted.engine().catalogSnapshot().source("IR_USERS").orElseThrow();
        assertEquals(created, replayed);
        assertEquals(
            String.valueOf(keyId), replayed.formats().key().options().get(SerdeFactory.SCHEMA_ID));
      }
      assertEquals(
          2, registry.versions("ir_users-key").size(), "no version other than the producer's");
    }
  }

  private EngineOnKafka start(EmbeddedKafkaBroker broker, String registryUrl) {
    return EngineOnKafka.start(
        broker.bootstrapServers(),
        SERVICE_ID,
        "0",
        dataDir.resolve("state"),
        Duration.ofSeconds(10),
        new HttpSchemaRegistry(registryUrl));
  }

  /** Runs the statement reading its inputs from their beginning. */
  private static void earliest(EngineOnKafka server, String sql) {
    StatementEngine engine = server.engine();
    engine.execute(
        engine.parse(sql).get(0),
        Session.of(new HashMap<>(Map.of("auto.offset.reset", "earliest")), Map.of()));
  }

  /** The table's records, written as a producer with the schemas of the table's creation. */
  private static void produceUsers(EmbeddedKafkaBroker broker, int keyId, int valueId) {
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
                "ir_users",
                null,
                1_000L,
                ConfluentWire.avro(keyId, keySchema, id),
                ConfluentWire.avro(valueId, valueSchema, user)));
      }
    }
  }

  /** The table's columns as DESCRIBE lists them. */
  private static List<String> described(EngineOnKafka server) {
    SourceDescriptionEntity description =
        (SourceDescriptionEntity) server.run("DESCRIBE ir_users;");
    return description.sourceDescription().fields().stream()
        .map(InferredSourceRestartOnKafkaTest::field)
        .toList();
  }

  private static String field(FieldInfo field) {
    return field.name()
        + " "
        + field.schema().type()
        + (field.type() == null ? "" : " " + field.type());
  }

  /** The joined records, read until they are those expected or the patience runs out. */
  private static TreeSet<String> awaitJoined(
      EngineOnKafka server, String topic, TreeSet<String> expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    TreeSet<String> joined = read(server, topic);
    while (!joined.equals(expected) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      joined = read(server, topic);
    }
    return joined;
  }

  private static TreeSet<String> read(EngineOnKafka server, String topic) {
    QueryBackend backend = server.engine().backend();
    TreeSet<String> joined = new TreeSet<>();
    if (!backend.topicExists(topic)) {
      return joined;
    }
    for (QueryBackend.TopicRecord record : backend.readTopic(topic)) {
      joined.add(new String(record.key(), UTF_8) + " " + new String(record.value(), UTF_8));
    }
    return joined;
  }
}
