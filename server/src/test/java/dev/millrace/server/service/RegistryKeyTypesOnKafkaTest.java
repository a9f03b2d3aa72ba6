package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.server.registry.RegistryApi;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keys of one column of every type, in each registry format, against a real schema registry
 * (Apicurio, the one {@code bin/millrace server} starts): the key schema is registered under the
 * topic's key subject, the record's key carries its id, and the registered schema reads the key
 * back. A query reads such keys and writes them to a sink of the same format. Queries that re-key
 * one source by keys of different types register their sinks' subjects only: a GROUP BY writes its
 * repartition topic in the engine's own format, and a join writes re-keyed rows as the table it
 * meets writes its keys, with the same schema under the same subject.
 */
class RegistryKeyTypesOnKafkaTest {
  private static final String SERVICE_ID = "registry_key_types";
  private static final List<String> FORMATS = List.of("AVRO", "JSON_SR", "PROTOBUF");

  /**
   * A key column's type, a literal of it, and that key as PRINT shows it (bare or in a message).
   */
  private record KeyType(String type, String literal, String bare, String inMessage) {}

  private static final List<KeyType> TYPES =
      List.of(
          new KeyType("BOOLEAN", "true", "true", "{\"K\":true}"),
          new KeyType("INT", "7", "7", "{\"K\":7}"),
          new KeyType("BIGINT", "8000000000", "8000000000", "{\"K\":8000000000}"),
          new KeyType("DOUBLE", "1.5", "1.5", "{\"K\":1.5}"),
          new KeyType("STRING", "'k1'", "k1", "{\"K\":\"k1\"}"),
          new KeyType("DECIMAL(4, 2)", "12.34", "12.34", "{\"K\":12.34}"),
          new KeyType("DATE", "'2024-01-02'", "2024-01-02", "{\"K\":\"2024-01-02\"}"),
          new KeyType("TIME", "'10:11:12'", "10:11:12", "{\"K\":\"10:11:12\"}"),
          new KeyType(
              "TIMESTAMP",
              "'2024-01-02T10:11:12.345'",
              "2024-01-02T10:11:12.345",
              "{\"K\":\"2024-01-02T10:11:12.345\"}"),
          new KeyType("BYTES", "TO_BYTES('AQI=', 'base64')", "AQI=", "{\"K\":\"AQI=\"}"),
          new KeyType(
              "STRUCT<A INT, B STRING>",
              "STRUCT(A := 1, B := 'b')",
              "{\"A\":1,\"B\":\"b\"}",
              "{\"K\":{\"A\":1,\"B\":\"b\"}}"));

  @RegisterExtension
  static final KafkaEngineExtension kafka =
      KafkaEngineExtension.forService(SERVICE_ID).withRegistry();

  private static final RegistryApi registry = new RegistryApi(TestSchemaRegistry.url());

  @Test
  void aKeyOfOneColumnOfEachTypeIsRegisteredWrittenAndReadBack() throws Exception {
    List<String> printed = new ArrayList<>();
    for (String format : FORMATS) {
      for (int i = 0; i < TYPES.size(); i++) {
        KeyType type = TYPES.get(i);
        String topic = "keys_" + format.toLowerCase(Locale.ROOT) + "_" + i;
        run(
            "CREATE STREAM "
                + topic
                + " (K "
                + type.type()
                + " KEY, V STRING) WITH (KAFKA_TOPIC='"
                + topic
                + "', PARTITIONS=1, KEY_FORMAT='"
                + format
                + "', VALUE_FORMAT='"
                + format
                + "');");
        run("INSERT INTO " + topic + " (K, V) VALUES (" + type.literal() + ", 'v');");

        byte[] key = kafka.output().awaitRecords(topic, 1).get(0).key();
        assertEquals(
            registry.latest(topic + "-key").path("id").asInt(),
            ByteBuffer.wrap(key, 1, 4).getInt(),
            topic + ": the key's schema id");
        if (!unprintable(format, type)) {
          printed.add(format + " " + type.type() + " " + keyText(format, key));
        }
      }
    }
    assertEquals(expectedPrints(), printed);
  }

  @Test
  void aQueryReadsAndWritesIntKeysOfEachFormat() throws Exception {
    for (String format : FORMATS) {
      String source = "int_keys_" + format.toLowerCase(Locale.ROOT);
      run(
          "CREATE STREAM "
              + source
              + " (ID INT KEY, V STRING) WITH (KAFKA_TOPIC='"
              + source
              + "', PARTITIONS=1, KEY_FORMAT='"
              + format
              + "', VALUE_FORMAT='"
              + format
              + "');");
      run("INSERT INTO " + source + " (ID, V) VALUES (42, 'answer');");
      run("CREATE STREAM " + source + "_copy AS SELECT ID, V FROM " + source + " EMIT CHANGES;");

      String sink = source.toUpperCase(Locale.ROOT) + "_COPY";
      byte[] key = kafka.output().awaitRecords(sink, 1).get(0).key();
      assertEquals(
          registry.latest(sink + "-key").path("id").asInt(),
          ByteBuffer.wrap(key, 1, 4).getInt(),
          sink + ": the key's schema id");
      assertEquals(format.equals("PROTOBUF") ? "{\"ID\":42}" : "42", keyText(format, key), sink);
    }
  }

  @Test
  void queriesRekeyingOneSourceByKeysOfDifferentTypesRegisterNoSharedSubject() throws Exception {
    run(
        "CREATE STREAM clicks (ID INT KEY, USER_ID INT, PAGE STRING) WITH (KAFKA_TOPIC='clicks', "
            + "PARTITIONS=1, KEY_FORMAT='AVRO', VALUE_FORMAT='AVRO');");
    run(
        "CREATE TABLE users (USER_ID INT PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='users', "
            + "PARTITIONS=1, KEY_FORMAT='AVRO', VALUE_FORMAT='AVRO');");
    run(
        "CREATE TABLE pages (PAGE STRING PRIMARY KEY, TITLE STRING) WITH (KAFKA_TOPIC='pages', "
            + "PARTITIONS=1, KEY_FORMAT='AVRO', VALUE_FORMAT='AVRO');");
    run("INSERT INTO users (USER_ID, NAME) VALUES (7, 'ann');");
    run("INSERT INTO pages (PAGE, TITLE) VALUES ('home', 'Home');");
    run("INSERT INTO clicks (ID, USER_ID, PAGE) VALUES (1, 7, 'home');");
    Set<String> before = subjects();

    run(
        "CREATE TABLE clicks_by_page AS SELECT PAGE, COUNT(*) AS N FROM clicks "
            + "GROUP BY PAGE EMIT CHANGES;");
    run(
        "CREATE TABLE clicks_by_user AS SELECT USER_ID, COUNT(*) AS N FROM clicks "
            + "GROUP BY USER_ID EMIT CHANGES;");
    run(
        "CREATE STREAM clicks_users AS SELECT c.USER_ID, u.NAME FROM clicks c "
            + "JOIN users u ON c.USER_ID = u.USER_ID EMIT CHANGES;");
    run(
        "CREATE STREAM clicks_pages AS SELECT c.PAGE, p.TITLE FROM clicks c "
            + "JOIN pages p ON c.PAGE = p.PAGE EMIT CHANGES;");

    assertEquals(
        "home", keyText("AVRO", kafka.output().awaitRecords("CLICKS_BY_PAGE", 1).get(0).key()));
    assertEquals(
        "7", keyText("AVRO", kafka.output().awaitRecords("CLICKS_BY_USER", 1).get(0).key()));
    assertEquals("7", keyText("AVRO", kafka.output().awaitRecords("CLICKS_USERS", 1).get(0).key()));
    assertEquals(
        "home", keyText("AVRO", kafka.output().awaitRecords("CLICKS_PAGES", 1).get(0).key()));
    // Other tests share the registry: only this test's sinks and this service's internal topics.
    Set<String> added = new TreeSet<>();
    for (String subject : subjects()) {
      if (!before.contains(subject)
          && (subject.toLowerCase(Locale.ROOT).startsWith("clicks")
              || subject.contains(SERVICE_ID))) {
        added.add(subject);
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "CLICKS_BY_PAGE-key",
                "CLICKS_BY_PAGE-value",
                "CLICKS_BY_USER-key",
                "CLICKS_BY_USER-value",
                "CLICKS_PAGES-key",
                "CLICKS_PAGES-value",
                "CLICKS_USERS-key",
                "CLICKS_USERS-value")),
        added,
        "the subjects the queries added");
    for (String table : List.of("users", "pages")) {
      assertEquals(1, registry.versions(table + "-key").size(), table + "-key versions");
    }
  }

  private static Set<String> subjects() throws Exception {
    Set<String> subjects = new TreeSet<>();
    registry.subjects().forEach(subject -> subjects.add(subject.asText()));
    return subjects;
  }

  private static List<String> expectedPrints() {
    List<String> expected = new ArrayList<>();
    for (String format : FORMATS) {
      for (KeyType type : TYPES) {
        if (unprintable(format, type)) {
          continue;
        }
        String text = format.equals("PROTOBUF") ? type.inMessage() : type.bare();
        expected.add(format + " " + type.type() + " " + text);
      }
    }
    return expected;
  }

  /**
   * A protobuf DECIMAL: the schema Millrace registers does not carry the decimal's precision and
   * scale yet (see "Not yet" in docs/formats.md), so PRINT cannot read it back from the registry.
   */
  private static boolean unprintable(String format, KeyType type) {
    return format.equals("PROTOBUF") && type.type().startsWith("DECIMAL");
  }

  /** The key as PRINT shows it: decoded with the schema its id names in the registry. */
  private static String keyText(String format, byte[] key) {
    String schemaType = format.equals("JSON_SR") ? "JSON" : format;
    return new RegisteredRecordText(format, schemaType, kafka.schemaRegistry()).read(key);
  }

  private static void run(String sql) {
    kafka.run(sql, KafkaEngineExtension.EARLIEST);
  }
}
