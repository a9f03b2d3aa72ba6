package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.operator.Window;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerdeRoundTripTest {
  private static final SqlType.Struct POINT =
      new SqlType.Struct(
          List.of(
              new SqlType.Field("X", SqlType.INTEGER), new SqlType.Field("Label", SqlType.STRING)));
  private static final List<Column> ALL_TYPES =
      List.of(
          new Column("B", SqlType.BOOLEAN),
          new Column("I", SqlType.INTEGER),
          new Column("L", SqlType.BIGINT),
          new Column("D", SqlType.DOUBLE),
          new Column("DEC", new SqlType.Decimal(6, 2)),
          new Column("S", SqlType.STRING),
          new Column("BY", SqlType.BYTES),
          new Column("DT", SqlType.DATE),
          new Column("T", SqlType.TIME),
          new Column("TS", SqlType.TIMESTAMP),
          new Column("A", new SqlType.Array(SqlType.STRING)),
          new Column("M", new SqlType.Map(SqlType.STRING, SqlType.DOUBLE)),
          new Column("P", POINT));

  private static Object[] allTypesRow() {
    return new Object[] {
      true,
      7,
      8L,
      1.5,
      new BigDecimal("12.30"),
      "text",
      ByteBuffer.wrap(new byte[] {1, 2}),
      19000,
      3_600_000L,
      1_651_182_287_943L,
      java.util.Arrays.asList("a", null),
      Map.of("k", 2.0),
      new Struct(POINT, new Object[] {3, "p"})
    };
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void jsonRoundTripsEveryType() {
    ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of("JSON"), ALL_TYPES);
    Object[] row = allTypesRow();
    assertArrayEquals(row, serde.deserialize(serde.serialize(row)));
    assertNull(serde.deserialize(null));
    assertNull(serde.serialize(null));
  }

  @Test
  void jsonReadsFieldsIgnoringCaseAndCoercesValues() {
    List<Column> columns =
        List.of(
            new Column("ID", SqlType.INTEGER),
            new Column("NAME", SqlType.STRING),
            new Column("P", POINT),
            new Column("PRICE", new SqlType.Decimal(4, 2)));
    ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of("JSON"), columns);
    Object[] row =
        serde.deserialize(
            "{\"id\":\"123\",\"Name\":45,\"p\":{\"x\":1,\"LABEL\":\"q\"},\"extra\":[1,{}],\"price\":1.5}"
                .getBytes());
    assertArrayEquals(
        new Object[] {123, "45", new Struct(POINT, new Object[] {1, "q"}), new BigDecimal("1.50")},
        row);
  }

  @Test
  void jsonReadsFieldsInAnyOrderAmongUnknownOnesAndTheLastOfADuplicateWins() {
    List<Column> columns =
        List.of(
            new Column("A", SqlType.INTEGER),
            new Column("B", SqlType.STRING),
            new Column("C", SqlType.BIGINT));
    ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of("JSON"), columns);

    assertArrayEquals(
        new Object[] {1, "x", 3L}, serde.deserialize(utf8("{\"A\":1,\"B\":\"x\",\"C\":3}")));
    assertArrayEquals(
        new Object[] {1, "x", 3L},
        serde.deserialize(utf8("{\"C\":3,\"Z\":[1,{\"A\":9}],\"b\":\"x\",\"A\":1}")));
    assertArrayEquals(
        new Object[] {2, null, 3L}, serde.deserialize(utf8("{\"A\":1,\"C\":3,\"A\":2}")));
    assertArrayEquals(new Object[] {null, null, null}, serde.deserialize(utf8("{}")));
  }

  @Test
  void afterAValueThatCannotBeWrittenTheNextIsWrittenWhole() {
    ValueSerde serde =
        SerdeFactory.valueSerde(
            FormatInfo.of("JSON"),
            List.of(new Column("A", SqlType.INTEGER), new Column("B", SqlType.STRING)));

    assertThrows(SerdeException.class, () -> serde.serialize(new Object[] {1, 2.5}));
    assertEquals(
        "{\"A\":1,\"B\":\"x\"}",
        new String(serde.serialize(new Object[] {1, "x"}), StandardCharsets.UTF_8));
    assertEquals(
        "{\"A\":2,\"B\":null}",
        new String(serde.serialize(new Object[] {2, null}), StandardCharsets.UTF_8));
  }

  @Test
  void jsonStringColumnsKeepNestedJsonAsText() {
    ValueSerde serde =
        SerdeFactory.valueSerde(FormatInfo.of("JSON"), List.of(new Column("S", SqlType.STRING)));
    assertArrayEquals(
        new Object[] {"{\"a\":[1,2]}"}, serde.deserialize("{\"S\":{\"a\":[1,2]}}".getBytes()));
  }

  @Test
  void unwrappedJsonIsTheBareValue() {
    FormatInfo bare = new FormatInfo("JSON", Map.of(), false);
    ValueSerde serde = SerdeFactory.valueSerde(bare, List.of(new Column("V", POINT)));
    Object[] row = {new Struct(POINT, new Object[] {1, "a"})};
    assertEquals("{\"X\":1,\"Label\":\"a\"}", text(serde.serialize(row)));
    assertArrayEquals(row, serde.deserialize("{\"x\":1,\"label\":\"a\"}".getBytes()));
  }

  @Test
  void jsonErrorsNameTheColumn() {
    ValueSerde serde =
        SerdeFactory.valueSerde(FormatInfo.of("JSON"), List.of(new Column("ID", SqlType.INTEGER)));
    SerdeException e =
        assertThrows(SerdeException.class, () -> serde.deserialize("{\"ID\":\"abc\"}".getBytes()));
    assertEquals("Failed to deserialize column ID: not a valid INTEGER", e.getMessage());
    assertThrows(SerdeException.class, () -> serde.deserialize("{\"ID\":".getBytes()));
    SerdeException malformed =
        assertThrows(SerdeException.class, () -> serde.deserialize("{\"ID\": secret}".getBytes()));
    assertEquals(
        "Failed to deserialize JSON: invalid JSON at line 1, column 15", malformed.getMessage());
  }

  @Test
  void kafkaFormatUsesKafkasLayouts() {
    ValueSerde ints =
        SerdeFactory.valueSerde(FormatInfo.of("KAFKA"), List.of(new Column("V", SqlType.INTEGER)));
    assertArrayEquals(new byte[] {0, 0, 1, 0}, ints.serialize(new Object[] {256}));
    assertArrayEquals(new Object[] {256}, ints.deserialize(new byte[] {0, 0, 1, 0}));
    for (Column column :
        List.of(
            new Column("L", SqlType.BIGINT),
            new Column("D", SqlType.DOUBLE),
            new Column("S", SqlType.STRING))) {
      ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of("KAFKA"), List.of(column));
      Object value =
          column.type() == SqlType.BIGINT ? 5L : column.type() == SqlType.DOUBLE ? 2.5 : "héllo";
      assertArrayEquals(
          new Object[] {value}, serde.deserialize(serde.serialize(new Object[] {value})));
    }
    assertThrows(SerdeException.class, () -> ints.deserialize(new byte[] {1}));
  }

  @Test
  void delimitedQuotesWhereNeededAndReadsEmptyAsNull() {
    List<Column> columns =
        List.of(
            new Column("S", SqlType.STRING),
            new Column("I", SqlType.INTEGER),
            new Column("DEC", new SqlType.Decimal(6, 2)),
            new Column("B", SqlType.BOOLEAN));
    ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of("DELIMITED"), columns);
    Object[] row = {"a,\"b\"", null, new BigDecimal("-1.50"), true};
    assertEquals("\"a,\"\"b\"\"\",,-1.50,true", text(serde.serialize(row)));
    assertArrayEquals(row, serde.deserialize(serde.serialize(row)));
    assertArrayEquals(
        new Object[] {"x", 1, new BigDecimal("2.00"), false},
        serde.deserialize("x,1,2,false".getBytes()));
    assertThrows(SerdeException.class, () -> serde.deserialize("x,1".getBytes()));
  }

  @Test
  void delimitedQuotesNegativeNumbersStartingARecord() {
    SqlType decimal = new SqlType.Decimal(6, 2);
    ValueSerde numbers =
        SerdeFactory.valueSerde(
            FormatInfo.of("DELIMITED"),
            List.of(new Column("A", decimal), new Column("B", decimal)));
    assertEquals(
        "\"-1.50\",-2.00",
        text(numbers.serialize(new Object[] {new BigDecimal("-1.50"), new BigDecimal("-2.00")})));
  }

  @Test
  void delimitedQuotesFieldsStartingWithACommentOrQuoteLikeCharacter() {
    List<Column> columns =
        List.of(
            new Column("A", SqlType.STRING),
            new Column("B", SqlType.STRING),
            new Column("C", SqlType.STRING));
    ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of("DELIMITED"), columns);
    assertEquals("\"!\",IQ==,\"#x\"", text(serde.serialize(new Object[] {"!", "IQ==", "#x"})));
    assertEquals("a,$b,c", text(serde.serialize(new Object[] {"a", "$b", "c"})));
    assertEquals("s,S,", text(serde.serialize(new Object[] {"s", "S", ""})));
    assertEquals("\"\",S,s", text(serde.serialize(new Object[] {"", "S", "s"})));
  }

  @Test
  void delimitedTakesANamedDelimiter() {
    FormatInfo tabs = new FormatInfo("DELIMITED", Map.of("delimiter", "TAB"), true);
    ValueSerde serde =
        SerdeFactory.valueSerde(
            tabs, List.of(new Column("A", SqlType.STRING), new Column("B", SqlType.BIGINT)));
    assertEquals("zero\t0", text(serde.serialize(new Object[] {"zero", 0L})));
  }

  @Test
  void multiColumnJsonKeysAreObjectsAndSingleOnesBare() {
    List<Column> two = List.of(new Column("A", SqlType.INTEGER), new Column("B", SqlType.STRING));
    KeySerde pair = SerdeFactory.keySerde(FormatInfo.of("JSON"), two, Optional.empty());
    assertEquals("{\"A\":1,\"B\":\"x\"}", text(pair.serialize(new Object[] {1, "x"}, null)));
    KeySerde single =
        SerdeFactory.keySerde(FormatInfo.of("JSON"), List.of(two.get(0)), Optional.empty());
    assertEquals("1", text(single.serialize(new Object[] {1}, null)));
    assertArrayEquals(new Object[] {null}, single.deserialize(null).columns());
  }

  @Test
  void aKeyWhoseColumnsAreAllNullIsWrittenUnlessItIsASingleBareColumn() {
    List<Column> two = List.of(new Column("A", SqlType.INTEGER), new Column("B", SqlType.STRING));
    for (String format : List.of("JSON", "DELIMITED")) {
      KeySerde pair = SerdeFactory.keySerde(FormatInfo.of(format), two, Optional.empty());
      byte[] bytes = pair.serialize(new Object[] {null, null}, null);
      assertEquals(format.equals("JSON") ? "{\"A\":null,\"B\":null}" : ",", text(bytes));
      assertArrayEquals(new Object[] {null, null}, pair.deserialize(bytes).columns());
      KeySerde single =
          SerdeFactory.keySerde(FormatInfo.of(format), List.of(two.get(0)), Optional.empty());
      assertNull(single.serialize(new Object[] {null}, null));
    }
    KeySerde none = SerdeFactory.keySerde(FormatInfo.of("NONE"), List.of(), Optional.empty());
    assertNull(none.serialize(new Object[0], null));
  }

  @Test
  void windowedKeysFollowKafkaStreamsLayout() {
    List<Column> key = List.of(new Column("K", SqlType.STRING));
    KeySerde time =
        SerdeFactory.keySerde(FormatInfo.of("KAFKA"), key, Optional.of(WindowInfo.tumbling(1000)));
    byte[] bytes = time.serialize(new Object[] {"a"}, new Window(5000, 6000));
    assertArrayEquals(new byte[] {'a', 0, 0, 0, 0, 0, 0, 0x13, (byte) 0x88}, bytes);
    KeySerde.DecodedKey decoded = time.deserialize(bytes);
    assertArrayEquals(new Object[] {"a"}, decoded.columns());
    assertEquals(new Window(5000, 6000), decoded.window());

    WindowInfo session = new WindowInfo(WindowInfo.Type.SESSION, 100, 100, -1, -1);
    KeySerde sessions = SerdeFactory.keySerde(FormatInfo.of("KAFKA"), key, Optional.of(session));
    byte[] sessionBytes = sessions.serialize(new Object[] {"a"}, new Window(10, 20));
    assertEquals(17, sessionBytes.length);
    assertEquals(20L, ByteBuffer.wrap(sessionBytes, 1, 8).getLong());
    assertEquals(new Window(10, 20), sessions.deserialize(sessionBytes).window());
  }

  @Test
  void noneHasNoColumns() {
    ValueSerde none = SerdeFactory.valueSerde(FormatInfo.of("NONE"), List.of());
    assertNull(none.serialize(new Object[0]));
    assertArrayEquals(new Object[0], none.deserialize(new byte[] {1}));
    assertThrows(
        SerdeException.class,
        () ->
            SerdeFactory.valueSerde(
                FormatInfo.of("NONE"), List.of(new Column("A", SqlType.INTEGER))));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
