package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtobufSerdeTest {
  private static final FormatInfo NOSR = FormatInfo.of("PROTOBUF_NOSR");
  private static final SqlType.Struct POINT =
      new SqlType.Struct(
          List.of(
              new SqlType.Field("X", SqlType.INTEGER), new SqlType.Field("LABEL", SqlType.STRING)));
  private static final List<Column> PRIMITIVES =
      List.of(
          new Column("I", SqlType.INTEGER),
          new Column("L", SqlType.BIGINT),
          new Column("D", SqlType.DOUBLE),
          new Column("B", SqlType.BOOLEAN),
          new Column("S", SqlType.STRING));

  @Test
  void writesStandardWireFormat() {
    ValueSerde serde =
        SerdeFactory.valueSerde(
            NOSR, List.of(new Column("A", SqlType.INTEGER), new Column("B", SqlType.STRING)));
    byte[] bytes = serde.serialize(new Object[] {150, "testing"});
    assertArrayEquals(
        new byte[] {0x08, (byte) 0x96, 0x01, 0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'}, bytes);
    assertArrayEquals(new Object[] {150, "testing"}, serde.deserialize(bytes));
  }

  @Test
  void roundTripsEveryType() {
    List<Column> columns =
        List.of(
            new Column("I", SqlType.INTEGER),
            new Column("L", SqlType.BIGINT),
            new Column("D", SqlType.DOUBLE),
            new Column("B", SqlType.BOOLEAN),
            new Column("S", SqlType.STRING),
            new Column("BY", SqlType.BYTES),
            new Column("DEC", new SqlType.Decimal(6, 2)),
            new Column("DT", SqlType.DATE),
            new Column("T", SqlType.TIME),
            new Column("TS", SqlType.TIMESTAMP),
            new Column("A", new SqlType.Array(SqlType.INTEGER)),
            new Column("M", new SqlType.Map(SqlType.STRING, SqlType.DOUBLE)),
            new Column("P", POINT),
            new Column("AP", new SqlType.Array(POINT)));
    ValueSerde serde = SerdeFactory.valueSerde(NOSR, columns);
    Object[] row = {
      -7,
      1L << 40,
      2.5,
      true,
      "héllo",
      ByteBuffer.wrap(new byte[] {1, 2}),
      new BigDecimal("-12.34"),
      19000,
      45_296_789L,
      1_651_182_287_943L,
      List.of(1, -2, 3),
      Map.of("k", 1.5),
      new Struct(POINT, new Object[] {3, "p"}),
      List.of(new Struct(POINT, new Object[] {4, "q"}))
    };
    assertArrayEquals(row, serde.deserialize(serde.serialize(row)));
    assertNull(serde.deserialize(null));
  }

  @Test
  void nullPrimitivesReadBackAsDefaultsUnlessOptional() {
    ValueSerde plain = SerdeFactory.valueSerde(NOSR, PRIMITIVES);
    Object[] withNulls = {null, 0L, null, false, null};
    assertArrayEquals(
        new Object[] {0, 0L, 0.0, false, ""}, plain.deserialize(plain.serialize(withNulls)));
    for (String representation : List.of("OPTIONAL", "WRAPPER")) {
      ValueSerde keeping =
          SerdeFactory.valueSerde(
              new FormatInfo(
                  "PROTOBUF_NOSR", Map.of("nullable_representation", representation), true),
              PRIMITIVES);
      assertArrayEquals(withNulls, keeping.deserialize(keeping.serialize(withNulls)));
    }
  }

  @Test
  void packedRepeatedFieldsAreRead() {
    ValueSerde serde =
        SerdeFactory.valueSerde(NOSR, List.of(new Column("A", new SqlType.Array(SqlType.INTEGER))));
    assertArrayEquals(
        new Object[] {List.of(3, 270)},
        serde.deserialize(new byte[] {0x0A, 0x03, 0x03, (byte) 0x8E, 0x02}));
    assertArrayEquals(new Object[] {Arrays.asList()}, serde.deserialize(new byte[0]));
  }

  @Test
  void keysAreMessagesToo() {
    KeySerde key =
        SerdeFactory.keySerde(NOSR, List.of(new Column("K", SqlType.STRING)), Optional.empty());
    assertArrayEquals(
        new Object[] {"a"}, key.deserialize(key.serialize(new Object[] {"a"}, null)).columns());
  }

  @Test
  void truncatedInputIsASerdeError() {
    ValueSerde serde = SerdeFactory.valueSerde(NOSR, List.of(new Column("S", SqlType.STRING)));
    assertThrows(SerdeException.class, () -> serde.deserialize(new byte[] {0x0A, 0x05, 'a'}));
  }
}
