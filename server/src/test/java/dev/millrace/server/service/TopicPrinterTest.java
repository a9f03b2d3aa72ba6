package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** PRINT's lines: formats guessed from the bytes and narrowed record by record. */
class TopicPrinterTest {

  private static QueryBackend.TopicRecord record(byte[] key, byte[] value, long time) {
    return new QueryBackend.TopicRecord(0, 0, key, value, time);
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void namesEveryFormatThatReadsAllRecordsAndShowsEachWithTheFirst() {
    TopicPrinter printer =
        new TopicPrinter(
            UnconfiguredSchemaRegistry.INSTANCE, OptionalInt.empty(), OptionalInt.empty());

    assertEquals(
        List.of(
            "Key format: KAFKA_STRING",
            "Value format: JSON or KAFKA_STRING",
            "rowtime: 2021/05/06 22:46:40.906 Z, key: alice, value: {\"N\":1}, partition: 0"),
        printer.print(List.of(record(text("alice"), text("{\"N\":1}"), 1620341200906L))));
    // Later records narrow the formats silently, and are shown as before.
    assertEquals(
        List.of("rowtime: 1970/01/01 00:00:00.005 Z, key: bob, value: plain, partition: 0"),
        printer.print(List.of(record(text("bob"), text("plain"), 5))));
  }

  @Test
  void guessesNumbersAndWindowedKeysFromTheirLength() {
    byte[] windowed = ByteBuffer.allocate(12).putInt(7).putLong(1000).array();
    TopicPrinter printer =
        new TopicPrinter(
            UnconfiguredSchemaRegistry.INSTANCE, OptionalInt.empty(), OptionalInt.empty());

    List<String> lines =
        printer.print(List.of(record(windowed, ByteBuffer.allocate(8).putLong(42).array(), 0)));

    // 0xE8 in the window start is no UTF-8 text, but the 4 bytes before the window are.
    assertEquals(
        "Key format: HOPPING(KAFKA_INT) or TUMBLING(KAFKA_INT) or HOPPING(KAFKA_STRING)"
            + " or TUMBLING(KAFKA_STRING)",
        lines.get(0));
    assertEquals("Value format: KAFKA_BIGINT or KAFKA_DOUBLE or KAFKA_STRING", lines.get(1));
    assertEquals(
        "rowtime: 1970/01/01 00:00:00.000 Z, key: [7@1000/-], value: 42, partition: 0",
        lines.get(2));
  }

  @Test
  void showsNullsAndSaysWhenNoFormatFits() {
    TopicPrinter printer =
        new TopicPrinter(
            UnconfiguredSchemaRegistry.INSTANCE, OptionalInt.empty(), OptionalInt.empty());

    List<String> lines =
        printer.print(List.of(record(null, new byte[] {(byte) 0xFF, 0x41, 0x00}, 0)));

    assertEquals("Key format: ¯\\_(ツ)_/¯ - no data processed", lines.get(0));
    assertTrue(lines.get(1).startsWith("Value format: does not match any supported format."));
    assertEquals(
        "rowtime: 1970/01/01 00:00:00.000 Z, key: <null>, value: \\xFFA\\x00, partition: 0",
        lines.get(2));
  }

  @Test
  void printsEveryIntervalthRecordUntilTheLimit() {
    TopicPrinter printer =
        new TopicPrinter(UnconfiguredSchemaRegistry.INSTANCE, OptionalInt.of(2), OptionalInt.of(2));
    List<QueryBackend.TopicRecord> batch =
        List.of(
            record(text("a"), text("1"), 0),
            record(text("b"), text("2"), 0),
            record(text("c"), text("3"), 0),
            record(text("d"), text("4"), 0),
            record(text("e"), text("5"), 0));

    List<String> lines = printer.print(batch);

    assertEquals(
        List.of(
            "rowtime: 1970/01/01 00:00:00.000 Z, key: a, value: 1, partition: 0",
            "rowtime: 1970/01/01 00:00:00.000 Z, key: c, value: 3, partition: 0"),
        lines.subList(2, lines.size()));
    assertTrue(printer.done());
    assertEquals(List.of(), printer.print(batch));
  }

  @Test
  void aProtobufRecordIsReadAsTheMessageItsIndexesNameWithTheSchemasItImports() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    registry.register(
        "money",
        RegisteredSchema.protobuf(
            "syntax = \"proto3\"; package m; message Money { string currency = 1; }"));
    int id =
        registry.register(
            "orders-value",
            RegisteredSchema.protobuf(
                    "syntax = \"proto3\"; import \"m.proto\";"
                        + " message Order { int32 n = 1; } message Refund { m.Money back = 1; }")
                .withReferences(List.of(new SchemaReference("m.proto", "money", 1))));
    // the header, message indexes [1] (count 1, index 1), then back = {currency "EUR"}
    byte[] refund = {0, 0, 0, 0, (byte) id, 2, 2, 0x0A, 5, 0x0A, 3, 'E', 'U', 'R'};
    TopicPrinter printer = new TopicPrinter(registry, OptionalInt.empty(), OptionalInt.empty());

    assertEquals(
        "rowtime: 1970/01/01 00:00:00.000 Z, key: k, value: {\"back\":{\"currency\":\"EUR\"}},"
            + " partition: 0",
        printer.print(List.of(record(text("k"), refund, 0))).get(2));
  }

  @Test
  void aWireFormatRecordWithoutItsSchemaShowsAsBytes() {
    byte[] unknownId = {0, 0, 0, 0, 9, (byte) 0xFF};
    for (SchemaRegistry registry :
        List.of(UnconfiguredSchemaRegistry.INSTANCE, new InMemorySchemaRegistry())) {
      TopicPrinter printer = new TopicPrinter(registry, OptionalInt.empty(), OptionalInt.empty());

      assertEquals(
          List.of(
              "Key format: KAFKA_STRING",
              "Value format: does not match any supported format. It may be a STRING with"
                  + " encoding other than UTF8, or some other format.",
              "rowtime: 1970/01/01 00:00:00.000 Z, key: k, value: \\x00\\x00\\x00\\x00\\x09\\xFF,"
                  + " partition: 0"),
          printer.print(List.of(record(text("k"), unknownId, 0))));
    }
  }
}
