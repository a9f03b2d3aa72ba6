package dev.millrace.server.service;

import static dev.millrace.server.registry.ConfluentWire.avroBytes;
import static dev.millrace.server.registry.ConfluentWire.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.server.registry.RegistryApi;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A table whose columns are inferred from subjects another producer registered, with schemas that
 * are not the text Millrace would generate, joined by a stream repartitioned into the table's key
 * format over four partitions. The repartitioned keys must carry the producer's schema id, as the
 * table's own keys do: a generated schema would be registered as another version with another id,
 * and equal keys with different ids in their bytes hash to different partitions.
 */
class InferredKeyJoinOnKafkaTest {
  private static final int USERS = 12;
  private static final String KEY_SCHEMA =
      "{\"type\":\"int\",\"connect.name\":\"com.acme.UserId\",\"doc\":\"the user's id\"}";
  private static final String VALUE_SCHEMA =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.acme\",\"fields\":["
          + "{\"name\":\"name\",\"type\":\"string\"}]}";

  @RegisterExtension
  static final KafkaEngineExtension kafka =
      KafkaEngineExtension.forService("inferred_key_join").withRegistry().withProcessingLog();

  private static final RegistryApi registry = new RegistryApi(TestSchemaRegistry.url());

  @Test
  void everyRepartitionedStreamRowMeetsTheRowOfATableWithInferredKeys() throws Exception {
    int keyId = registry.registerAvro("ik_users-key", KEY_SCHEMA);
    int valueId = registry.registerAvro("ik_users-value", VALUE_SCHEMA);
    run(
        "CREATE TABLE ik_users WITH (KAFKA_TOPIC='ik_users', KEY_FORMAT='AVRO', "
            + "VALUE_FORMAT='AVRO', PARTITIONS=4);");
    Schema keySchema = new Schema.Parser().parse(KEY_SCHEMA);
    Schema valueSchema = new Schema.Parser().parse(VALUE_SCHEMA);
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int id = 1; id <= USERS; id++) {
        GenericData.Record user = new GenericData.Record(valueSchema);
        user.put("name", "user" + id);
        producer.send(
            new ProducerRecord<>(
                "ik_users",
                null,
                1_000L,
                wire(keyId, avroBytes(keySchema, id)),
                wire(valueId, avroBytes(valueSchema, user))));
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

    Set<String> expected = new TreeSet<>();
    for (int id = 1; id <= USERS; id++) {
      expected.add(id + " {\"NAME\":\"user" + id + "\"}");
    }
    assertEquals(
        expected,
        kafka.output().awaitKeysAndValues("ik_named_views", expected),
        kafka::diagnostics);
    assertEquals(
        1, registry.versions("ik_users-key").size(), "no version other than the producer's");
  }

  private static void run(String sql) {
    kafka.run(sql, KafkaEngineExtension.EARLIEST);
  }
}
