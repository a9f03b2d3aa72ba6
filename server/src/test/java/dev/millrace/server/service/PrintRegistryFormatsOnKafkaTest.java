package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PRINT of records in the schema registry's wire format, on the embedded broker with a real
 * registry: each key and value is decoded with the schema its id names, and the format lines name
 * the registry format.
 */
class PrintRegistryFormatsOnKafkaTest {
  @RegisterExtension
  static final KafkaEngineExtension kafka =
      KafkaEngineExtension.forService("print_registry").withRegistry();

  @Test
  void avroKeysAndValuesAreDecodedWithTheirRegisteredSchemas() throws InterruptedException {
    run(
        "CREATE STREAM print_avro (id STRING KEY, amount INT, note STRING) WITH"
            + " (KAFKA_TOPIC='print_avro', KEY_FORMAT='AVRO', VALUE_FORMAT='AVRO', PARTITIONS=1);");
    run("INSERT INTO print_avro (id, amount, note, ROWTIME) VALUES ('a', 21, 'first', 1000);");
    run("INSERT INTO print_avro (id, amount, note, ROWTIME) VALUES ('b', 7, NULL, 2000);");

    assertEquals(
        List.of(
            // An optional AVRO string key of one character is 8 bytes: also a BIGINT or DOUBLE.
            "Key format: AVRO or KAFKA_BIGINT or KAFKA_DOUBLE or KAFKA_STRING",
            "Value format: AVRO or KAFKA_STRING",
            "rowtime: 1970/01/01 00:00:01.000 Z, key: a,"
                + " value: {\"AMOUNT\":21,\"NOTE\":\"first\"}, partition: 0",
            "rowtime: 1970/01/01 00:00:02.000 Z, key: b,"
                + " value: {\"AMOUNT\":7,\"NOTE\":null}, partition: 0"),
        PrintLines.await(kafka.engine(), "PRINT print_avro FROM BEGINNING LIMIT 2;"));
  }

  @Test
  void protobufValuesAreDecodedWithTheirRegisteredSchema() throws InterruptedException {
    run(
        "CREATE STREAM print_proto (id STRING KEY, amount INT, note STRING) WITH"
            + " (KAFKA_TOPIC='print_proto', VALUE_FORMAT='PROTOBUF', PARTITIONS=1);");
    run("INSERT INTO print_proto (id, amount, note, ROWTIME) VALUES ('a', 21, 'first', 1000);");

    assertEquals(
        List.of(
            "Key format: KAFKA_STRING",
            "Value format: PROTOBUF or KAFKA_STRING",
            "rowtime: 1970/01/01 00:00:01.000 Z, key: a,"
                + " value: {\"AMOUNT\":21,\"NOTE\":\"first\"}, partition: 0"),
        PrintLines.await(kafka.engine(), "PRINT print_proto FROM BEGINNING LIMIT 1;"));
  }

  @Test
  void jsonSrValuesAreNamedAsSuch() throws InterruptedException {
    run(
        "CREATE STREAM print_jsonsr (id STRING KEY, amount INT) WITH"
            + " (KAFKA_TOPIC='print_jsonsr', VALUE_FORMAT='JSON_SR', PARTITIONS=1);");
    run("INSERT INTO print_jsonsr (id, amount, ROWTIME) VALUES ('a', 21, 1000);");

    List<String> lines =
        PrintLines.await(kafka.engine(), "PRINT print_jsonsr FROM BEGINNING LIMIT 1;");
    assertEquals("Value format: JSON_SR or KAFKA_STRING", lines.get(1));
    assertEquals(
        "rowtime: 1970/01/01 00:00:01.000 Z, key: a, value: {\"AMOUNT\":21}, partition: 0",
        lines.get(2));
  }

  private static void run(String sql) {
    kafka.run(sql);
  }
}
