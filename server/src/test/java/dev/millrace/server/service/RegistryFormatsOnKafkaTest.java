package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.engine.registry.HttpSchemaRegistry;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.runtime.ProcessingLogEntry;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.server.registry.ConfluentWire;
import dev.millrace.server.registry.RegistryApi;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry formats end to end on the embedded broker and a real schema registry (Apicurio, over
 * Confluent's API): what queries register, the bytes they write, what they read from records other
 * producers wrote, and what they refuse. Each test uses topics (so subjects) of its own.
 */
class RegistryFormatsOnKafkaTest {
  private static final String SERVICE_ID = "registry_formats";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final KafkaEngineExtension kafka =
      KafkaEngineExtension.forService(SERVICE_ID).withRegistry().withProcessingLog();

  private static final RegistryApi registry = new RegistryApi(TestSchemaRegistry.url());

  @Test
  void aQueryRegistersItsAvroSchemaAndWritesConfluentWireFormat() throws Exception {
    run(
        "CREATE STREAM wire_src (id STRING KEY, amount INT, note STRING) "
            + "WITH (KAFKA_TOPIC='wire_src', VALUE_FORMAT='JSON', PARTITIONS=1);");
    run("INSERT INTO wire_src (id, amount, note) VALUES ('a', 21, 'first');");
    run(
        "CREATE STREAM wire_avro WITH (KAFKA_TOPIC='wire_avro', VALUE_FORMAT='AVRO') AS "
            + "SELECT id, amount * 2 AS twice, note FROM wire_src EMIT CHANGES;");

    JsonNode latest = registry.latest("wire_avro-value");
    byte[] value = kafka.output().awaitRecords("wire_avro", 1).get(0).value();
    ByteBuffer header = ByteBuffer.wrap(value, 0, 5);
    assertEquals(0, header.get(), "magic byte");
    assertEquals(latest.path("id").asInt(), header.getInt(), "the registered schema's id");
    Schema schema = new Schema.Parser().parse(latest.path("schema").asText());
    GenericRecord record =
        new GenericDatumReader<GenericRecord>(schema)
            .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    assertEquals(42, record.get("TWICE"));
    assertEquals("first", record.get("NOTE").toString());
  }

  @Test
  void createStreamRegistersTheSchemasOfSubjectsThatHaveNoVersionYet() throws Exception {
    run(
        "CREATE STREAM declared (ID INT KEY, AMOUNT INT) WITH (KAFKA_TOPIC='declared', "
            + "PARTITIONS=1, KEY_FORMAT='AVRO', VALUE_FORMAT='JSON_SR');");

    assertEquals(
        "[\"null\",\"int\"]", registry.latest("declared-key").path("schema").asText(), "key");
    JsonNode value = registry.latest("declared-value");
    assertEquals("JSON", value.path("schemaType").asText());
    // Before any row is written, another statement can take its columns from the subjects.
    run(
        "CREATE STREAM declared_again WITH (KAFKA_TOPIC='declared', KEY_FORMAT='AVRO', "
            + "VALUE_FORMAT='JSON_SR');");
    assertEquals(
        List.of(new Column("AMOUNT", SqlType.INTEGER)),
        kafka.engine().catalogSnapshot().source("DECLARED_AGAIN").orElseThrow().schema().value());

    // A subject with versions is left as it is, even when its schema does not fit the columns.
    int earlier =
        registry.registerAvro(
            "kept-value",
            "{\"type\":\"record\",\"name\":\"Kept\","
                + "\"fields\":[{\"name\":\"AMOUNT\",\"type\":\"string\"}]}");
    run(
        "CREATE STREAM kept (AMOUNT INT) WITH (KAFKA_TOPIC='kept', PARTITIONS=1, "
            + "VALUE_FORMAT='AVRO');");
    assertEquals(1, registry.versions("kept-value").size(), "versions of kept-value");
    assertEquals(earlier, registry.latest("kept-value").path("id").asInt());
  }

  @Test
  void aStreamWithoutColumnsTakesThemFromTheSubjectAndReadsItsRecords() throws Exception {
    String schemaText =
        "{\"type\":\"record\",\"name\":\"Person\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";
    int id = registry.registerAvro("people-value", schemaText);
    run("CREATE STREAM people WITH (KAFKA_TOPIC='people', VALUE_FORMAT='AVRO', PARTITIONS=1);");
    assertEquals(
        List.of(new Column("NAME", SqlType.STRING), new Column("AGE", SqlType.INTEGER)),
        kafka.engine().catalogSnapshot().source("PEOPLE").orElseThrow().schema().value());

    Schema schema = new Schema.Parser().parse(schemaText);
    GenericData.Record ann = new GenericData.Record(schema);
    ann.put("name", "ann");
    ann.put("age", 30);
    produce("people", ConfluentWire.avro(id, schema, ann));
    run(
        "CREATE STREAM people_json WITH (KAFKA_TOPIC='people_json', VALUE_FORMAT='JSON') AS "
            + "SELECT * FROM people EMIT CHANGES;");

    assertEquals(
        "{\"NAME\":\"ann\",\"AGE\":30}",
        new String(kafka.output().awaitRecords("people_json", 1).get(0).value(), UTF_8));
  }

  @Test
  void protobufAndJsonSchemaRecordsRoundTrip() throws Exception {
    run(
        "CREATE STREAM pb_src (id STRING KEY, n INT, s STRING, tags ARRAY<STRING>) "
            + "WITH (KAFKA_TOPIC='pb_src', VALUE_FORMAT='PROTOBUF', PARTITIONS=1);");
    run("INSERT INTO pb_src (id, n, s, tags) VALUES ('k', 7, 'seven', ARRAY['x', 'y']);");
    run(
        "CREATE STREAM pb_as_jsonsr WITH (KAFKA_TOPIC='pb_as_jsonsr', VALUE_FORMAT='JSON_SR') AS "
            + "SELECT * FROM pb_src EMIT CHANGES;");
    run(
        "CREATE STREAM jsonsr_as_json WITH (KAFKA_TOPIC='jsonsr_as_json', VALUE_FORMAT='JSON') AS "
            + "SELECT * FROM pb_as_jsonsr EMIT CHANGES;");

    assertEquals(
        "{\"N\":7,\"S\":\"seven\",\"TAGS\":[\"x\",\"y\"]}",
        new String(kafka.output().awaitRecords("jsonsr_as_json", 1).get(0).value(), UTF_8));
    assertEquals("PROTOBUF", registry.latest("pb_src-value").path("schemaType").asText());
    JsonNode jsonSchema = registry.latest("pb_as_jsonsr-value");
    assertEquals("JSON", jsonSchema.path("schemaType").asText());
    for (String topic : List.of("pb_src", "pb_as_jsonsr")) {
      byte[] value = kafka.output().awaitRecords(topic, 1).get(0).value();
      assertEquals(0, value[0], topic + ": magic byte");
      assertEquals(
          registry.latest(topic + "-value").path("id").asInt(),
          ByteBuffer.wrap(value, 1, 4).getInt(),
          topic + ": schema id");
    }
  }

  @Test
  void aProtobufSchemaImportingAnotherSubjectsSchemaGivesTheColumnsAndReadsTheRecords()
      throws Exception {
    registry.registerProtobuf(
        "acme-common",
        "syntax = \"proto3\";\npackage acme.common;\n"
            + "message Money {\n  string currency = 1;\n  int64 cents = 2;\n}\n",
        JSON.readTree("[]"));
    int id =
        registry.registerProtobuf(
            "shipments-value",
            "syntax = \"proto3\";\npackage acme.shipping;\nimport \"acme/common.proto\";\n"
                + "message Shipment {\n  string id = 1;\n  acme.common.Money cost = 2;\n}\n",
            JSON.readTree(
                "[{\"name\":\"acme/common.proto\",\"subject\":\"acme-common\",\"version\":1}]"));
    assertEquals(
        List.of(new SchemaReference("acme/common.proto", "acme-common", 1)),
        new HttpSchemaRegistry(TestSchemaRegistry.url()).byId(id).orElseThrow().references(),
        "the schema's references, read by its id");
    run(
        "CREATE STREAM shipments WITH (KAFKA_TOPIC='shipments', VALUE_FORMAT='PROTOBUF',"
            + " PARTITIONS=1);");
    SqlType.Struct money =
        new SqlType.Struct(
            List.of(
                new SqlType.Field("CURRENCY", SqlType.STRING),
                new SqlType.Field("CENTS", SqlType.BIGINT)));
    assertEquals(
        List.of(new Column("ID", SqlType.STRING), new Column("COST", money)),
        kafka.engine().catalogSnapshot().source("SHIPMENTS").orElseThrow().schema().value());

    // As Confluent's serializer writes it: the header, message indexes [0] (the single byte 0),
    // then id "s1" and cost {currency "EUR", cents 250}.
    byte[] shipment = {0, 0x0A, 2, 's', '1', 0x12, 8, 0x0A, 3, 'E', 'U', 'R', 0x10, (byte) 0xFA, 1};
    produce("shipments", ConfluentWire.wire(id, shipment));
    run(
        "CREATE STREAM shipments_json WITH (KAFKA_TOPIC='shipments_json', VALUE_FORMAT='JSON') AS "
            + "SELECT id, cost->currency AS currency, cost->cents AS cents FROM shipments"
            + " EMIT CHANGES;");

    assertEquals(
        "{\"ID\":\"s1\",\"CURRENCY\":\"EUR\",\"CENTS\":250}",
        new String(kafka.output().awaitRecords("shipments_json", 1).get(0).value(), UTF_8));
  }

  @Test
  void recordsWithABadHeaderGoToTheProcessingLogAndTheQueryKeepsRunning() throws Exception {
    run(
        "CREATE STREAM bad_src (amount INT) "
            + "WITH (KAFKA_TOPIC='bad_src', VALUE_FORMAT='AVRO', PARTITIONS=1);");
    produce("bad_src", new byte[] {1, 0, 0, 0, 1, 2}); // not written by a registry serializer
    produce(
        "bad_src",
        ConfluentWire.wire(987_654, new byte[] {2})); // a schema id the registry does not have
    run("INSERT INTO bad_src (amount) VALUES (5);");
    run(
        "CREATE STREAM bad_out WITH (KAFKA_TOPIC='bad_out', VALUE_FORMAT='JSON') AS "
            + "SELECT amount FROM bad_src EMIT CHANGES;");

    assertEquals(
        "{\"AMOUNT\":5}",
        new String(kafka.output().awaitRecords("bad_out", 1).get(0).value(), UTF_8));
    List<ProcessingLogEntry> logged =
        kafka.output().awaitRecords(ProcessingLogStream.topic(SERVICE_ID), 2).stream()
            .map(record -> ProcessingLogEntry.fromJson(record.value()))
            .filter(entry -> entry.sourceTopic().equals("bad_src"))
            .toList();
    assertEquals(List.of(0L, 1L), logged.stream().map(ProcessingLogEntry::sourceOffset).toList());
    assertTrue(logged.get(0).message().contains("magic byte"), logged.get(0)::message);
    assertTrue(logged.get(1).message().contains("987654"), logged.get(1)::message);
    logged.forEach(entry -> assertEquals("DESERIALIZATION", entry.errorType()));
  }

  @Test
  void aSinkSchemaTheRegistryRefusesFailsTheStatementBeforeAnythingStarts() throws Exception {
    run(
        "CREATE STREAM clash_src (id STRING KEY, amount INT) "
            + "WITH (KAFKA_TOPIC='clash_src', VALUE_FORMAT='JSON', PARTITIONS=1);");
    registry.setCompatibility("clash-value", "BACKWARD");
    // An earlier version whose AMOUNT is a string: records written with it cannot be read as INT.
    registry.registerAvro(
        "clash-value",
        "{\"type\":\"record\",\"name\":\"KsqlDataSourceSchema\","
            + "\"namespace\":\"io.confluent.ksql.avro_schemas\","
            + "\"fields\":[{\"name\":\"AMOUNT\",\"type\":\"string\"}]}");

    EngineException refused =
        assertThrows(
            EngineException.class,
            () ->
                run(
                    "CREATE STREAM clash WITH (KAFKA_TOPIC='clash', VALUE_FORMAT='AVRO') AS "
                        + "SELECT id, amount FROM clash_src EMIT CHANGES;"));

    assertEquals(ErrorCode.BAD_STATEMENT, refused.errorCode());
    assertEquals(
        "line 1:1: Cannot register the value schema of `CLASH` under subject 'clash-value': the"
            + " schema registry refuses it as incompatible with the subject's version 1 (schema id "
            + registry.latest("clash-value").path("id").asInt()
            + "): field AMOUNT: missing union branch (reader union lacking writer type: STRING)."
            + " Write to another topic, or change the subject's compatibility level in the"
            + " registry.",
        refused.getMessage());
    assertFalse(kafka.backend().topicExists("clash"), "the sink topic was created");
    assertTrue(
        kafka.engine().catalogSnapshot().source("CLASH").isEmpty(), "the sink is in the catalog");
    assertTrue(
        kafka.engine().queries().values().stream().noneMatch(q -> q.sinkTopic().equals("clash")),
        "a query writes the sink");
    assertEquals(1, registry.versions("clash-value").size(), "versions of the subject");
  }

  private static void produce(String topic, byte[] value) {
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      producer.send(new ProducerRecord<>(topic, null, 1_000L, null, value));
    }
  }

  private static void run(String sql) {
    kafka.run(sql, KafkaEngineExtension.EARLIEST);
  }
}
