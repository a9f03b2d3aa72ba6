package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Value serdes that need not decode some columns: they stay null, their errors remain. */
class SkippedColumnsTest {
  private static final List<Column> COLUMNS =
      List.of(
          new Column("ID", SqlType.INTEGER),
          new Column("REFERRER", SqlType.STRING),
          new Column("COUNT", SqlType.BIGINT),
          new Column("TAGS", new SqlType.Array(SqlType.STRING)));
  private static final Set<String> SKIPPED = Set.of("REFERRER", "COUNT", "TAGS");

  private static ValueSerde serde(String format, Set<String> skipped) {
    return SerdeFactory.valueSerde(
        new FormatInfo(format, Map.of(), true), COLUMNS, RegistryBinding.NONE, skipped);
  }

  private static Object[] read(ValueSerde serde, String text) {
    return serde.deserialize(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonLeavesSkippedColumnsNullInAnyFieldOrder() {
    ValueSerde serde = serde("JSON", SKIPPED);

    assertArrayEquals(
        new Object[] {7, null, null, null},
        read(serde, "{\"ID\":7,\"REFERRER\":\"https://x\",\"COUNT\":3,\"TAGS\":[\"a\"]}"));
    assertArrayEquals(
        new Object[] {7, null, null, null},
        read(serde, "{\"tags\":null,\"referrer\":{\"nested\":[1]},\"id\":7}"));
    assertArrayEquals(
        new Object[] {7, "r", 3L, List.of("a")},
        read(
            serde("JSON", Set.of()), "{\"ID\":7,\"REFERRER\":\"r\",\"COUNT\":3,\"TAGS\":[\"a\"]}"));
  }

  @Test
  void aSkippedValueOfTheWrongTypeFailsAsWhenItIsRead() {
    for (String text :
        List.of(
            "{\"ID\":1,\"COUNT\":\"many\"}",
            "{\"ID\":1,\"TAGS\":{\"a\":1}}",
            "{\"ID\":1,\"REFERRER\":\"unterminated}")) {
      SerdeException read =
          assertThrows(SerdeException.class, () -> read(serde("JSON", Set.of()), text));
      SerdeException skipped =
          assertThrows(SerdeException.class, () -> read(serde("JSON", SKIPPED), text));

      assertEquals(read.getMessage(), skipped.getMessage(), text);
    }
  }

  @Test
  void formatsThatCannotSkipDecodeEveryColumn() {
    List<Column> scalars = COLUMNS.subList(0, 3);
    ValueSerde delimited =
        SerdeFactory.valueSerde(FormatInfo.of("DELIMITED"), scalars, RegistryBinding.NONE, SKIPPED);
    ValueSerde unwrapped =
        SerdeFactory.valueSerde(
            new FormatInfo("JSON", Map.of(), false),
            COLUMNS.subList(1, 2),
            RegistryBinding.NONE,
            SKIPPED);

    assertArrayEquals(new Object[] {7, "r", 3L}, read(delimited, "7,r,3"));
    assertArrayEquals(new Object[] {"r"}, read(unwrapped, "\"r\""));
  }
}
