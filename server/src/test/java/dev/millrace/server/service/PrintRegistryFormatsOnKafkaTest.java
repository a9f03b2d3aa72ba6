package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRINT of records in the schema registry's wire format, on the embedded broker with a real
 * registry: each key and value is decoded with the schema its id names, and the format lines name
 * the registry format.
 */
class PrintRegistryFormatsOnKafkaTest {
  private static final String SERVICE_ID = "print_registry";
  private static final long PATIENCE_MILLIS = 120_000;

  @TempDir static Path dataDir;

  private static EmbeddedKafkaBroker broker;
  private static StatementEngine engine;

  @BeforeAll
  static void start() {
    String url = TestSchemaRegistry.url();
    broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0));
    FunctionRegistry functions = FunctionRegistry.builtIns();
    KafkaBackend backend =
        new KafkaBackend(
            RuntimeConfig.of(broker.bootstrapServers(), SERVICE_ID, dataDir.resolve("state")),
            functions,
            Duration.ofSeconds(30),
            new HttpSchemaRegistry(url));
    engine = new StatementEngine(backend, CommandSink.NONE, functions, Map.of(), false);
  }

  @AfterAll
  static void stop() {
    engine.close();
    broker.close();
  }

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
        print("PRINT print_avro FROM BEGINNING LIMIT 2;"));
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
        print("PRINT print_proto FROM BEGINNING LIMIT 1;"));
  }

  @Test
  void jsonSrValuesAreNamedAsSuch() throws InterruptedException {
    run(
        "CREATE STREAM print_jsonsr (id STRING KEY, amount INT) WITH"
            + " (KAFKA_TOPIC='print_jsonsr', VALUE_FORMAT='JSON_SR', PARTITIONS=1);");
    run("INSERT INTO print_jsonsr (id, amount, ROWTIME) VALUES ('a', 21, 1000);");

    List<String> lines = print("PRINT print_jsonsr FROM BEGINNING LIMIT 1;");
    assertEquals("Value format: JSON_SR or KAFKA_STRING", lines.get(1));
    assertEquals(
        "rowtime: 1970/01/01 00:00:01.000 Z, key: a, value: {\"AMOUNT\":21}, partition: 0",
        lines.get(2));
  }

  private static List<String> print(String sql) throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    List<String> lines = new CopyOnWriteArrayList<>();
    engine.runQuery(
        engine.parse(sql).get(0),
        Session.of(new HashMap<>(), Map.of()),
        new QuerySubscriber() {
          @Override
          public void onStart(QueryHeader header, QuerySubscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onRow(List<Object> row) {
            lines.add((String) row.get(0));
          }

          @Override
          public void onEnd(QueryEnd end) {
            ended.countDown();
          }

          @Override
          public void onError(EngineException error) {
            lines.add("error: " + error.getMessage());
            ended.countDown();
          }
        });
    assertTrue(
        ended.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "PRINT never reached its LIMIT");
    return List.copyOf(lines);
  }

  private static void run(String sql) {
    engine.execute(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()));
  }
}
