package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

  @Test
  void writesTheDocumentedJsonShape() {
    byte[] json =
        CommandCodec.encode(
            7,
            "DROP STREAM s;",
            Map.of("auto.offset.reset", "earliest"),
            Optional.empty(),
            Optional.empty());

    assertEquals(
        "{\"statement\":\"DROP STREAM s;\",\"properties\":{\"auto.offset.reset\":\"earliest\"},\"sequence\":7}",
        new String(json, StandardCharsets.UTF_8));
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    String statement =
        "CREATE STREAM s (v STRING) WITH (kafka_topic='s', value_format='JSON'); -- \"quotes\" and ü";
    byte[] json =
        CommandCodec.encode(
            3, statement, Map.of("a", "1", "b", "two"), Optional.empty(), Optional.empty());

    assertEquals(
        new LoggedCommand(12, 3, statement, Map.of("a", "1", "b", "two")),
        CommandCodec.decode(12, json));
  }

  @Test
  void readsLenientlyWhatItCanUse() throws Exception {
    assertEquals(
        new LoggedCommand(5, -1, "DROP STREAM s;", Map.of()),
        decode("{\"statement\": \"DROP STREAM s;\"}"));
    assertEquals(
        new LoggedCommand(
            5, 9, "DROP STREAM s;", Map.of("n", "3", "flag", "true", "list", "[1,2]")),
        decode(
            "{\"statement\": \"DROP STREAM s;\", \"sequence\": 9, \"future\": {\"x\": 1},"
                + " \"properties\": {\"n\": 3, \"flag\": true, \"list\": [1, 2]}}"));
  }

  @Test
  void saysWhyARecordIsUnreadable() {
    assertEquals("it is not valid JSON", problem("{\"statement\": "));
    assertEquals("it is not a JSON object", problem("[\"DROP STREAM s;\"]"));
    assertEquals("it has no \"statement\" text", problem("{\"sequence\": 1}"));
    assertEquals("it has no \"statement\" text", problem("{\"statement\": 42}"));
    assertEquals("it has no \"statement\" text", problem("{\"statement\": \"  \"}"));
    assertEquals(
        "its \"properties\" is not a JSON object",
        problem("{\"statement\": \"DROP STREAM s;\", \"properties\": [1]}"));
    assertEquals(
        "its stored query cannot be read",
        problem(
            "{\"statement\": \"CREATE STREAM x AS SELECT * FROM y;\", \"query\": {\"queryId\": \"CSAS_X_0\"}}"));
    assertEquals(
        "its stored query cannot be read",
        problem("{\"statement\": \"CREATE STREAM x AS SELECT * FROM y;\", \"query\": 7}"));
    assertEquals(
        "its stored source cannot be read",
        problem(
            "{\"statement\": \"CREATE STREAM x WITH (kafka_topic='x');\", \"source\": {\"change\": 1}}"));
    assertEquals(
        "it stores both a query and a source",
        problem("{\"statement\": \"CREATE STREAM x;\", \"query\": {}, \"source\": {}}"));
    assertEquals(
        "it has no value",
        assertThrows(CommandCodec.MalformedCommand.class, () -> CommandCodec.decode(0, null))
            .getMessage());
  }

  private static LoggedCommand decode(String json) throws CommandCodec.MalformedCommand {
    return CommandCodec.decode(5, json.getBytes(StandardCharsets.UTF_8));
  }

  private static String problem(String json) {
    return assertThrows(CommandCodec.MalformedCommand.class, () -> decode(json)).getMessage();
  }
}
