package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCodecTest {
  private static final SqlType.Struct POINT =
      new SqlType.Struct(
          List.of(
              new SqlType.Field("X", SqlType.DOUBLE), new SqlType.Field("LABEL", SqlType.STRING)));

  @Test
  void everyTypeSurvivesARoundTrip() {
    List<SqlType> types =
        List.of(
            SqlType.BOOLEAN,
            SqlType.INTEGER,
            SqlType.BIGINT,
            SqlType.DOUBLE,
            new SqlType.Decimal(6, 2),
            SqlType.STRING,
            SqlType.BYTES,
            SqlType.DATE,
            SqlType.TIME,
            SqlType.TIMESTAMP,
            new SqlType.Array(SqlType.STRING),
            new SqlType.Map(SqlType.STRING, SqlType.INTEGER),
            POINT,
            SqlType.STRING);
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("b", 2);
    map.put("a", null);
    Object[] values = {
      true,
      -7,
      Long.MIN_VALUE,
      2.5,
      new BigDecimal("-12.30"),
      "héllo",
      ByteBuffer.wrap(new byte[] {1, 2}),
      19000,
      3_600_000L,
      1_700_000_000_000L,
      Arrays.asList("x", null),
      map,
      new Struct(POINT, new Object[] {1.5, null}),
      null
    };
    RowCodec codec = new RowCodec(types);

    Object[] decoded = codec.decode(codec.encode(values));

    assertEquals(Arrays.asList(values), Arrays.asList(decoded));
    assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) decoded[11]).keySet()));
  }

  @Test
  void equalValuesGiveEqualBytesAndNoKeyIsAPrefixOfAnother() {
    RowCodec codec = new RowCodec(List.of(SqlType.STRING, SqlType.INTEGER));
    byte[] ab = codec.encode(new Object[] {"ab", 1});
    byte[] a = codec.encode(new Object[] {"a", 1});

    assertArrayEquals(ab, codec.encode(new Object[] {"ab", 1}));
    assertFalse(startsWith(ab, a));
    assertFalse(startsWith(a, ab));
  }

  @Test
  void theKeyAfterAPrefixBoundsAScan() {
    assertArrayEquals(new byte[] {1, 3}, StateKeys.after(new byte[] {1, 2}));
    assertArrayEquals(new byte[] {2}, StateKeys.after(new byte[] {1, (byte) 0xFF}));
    assertEquals(null, StateKeys.after(new byte[] {(byte) 0xFF}));
  }

  @Test
  void windowKeysSortByStartEvenBeforeTheEpoch() {
    byte[] group = {5};
    byte[] early = StateKeys.windowKey(group, -1000, 0);
    byte[] late = StateKeys.windowKey(group, 1000, 2000);

    assertEquals(-1, Integer.signum(Arrays.compareUnsigned(early, late)));
    assertEquals(new Window(-1000, 0), StateKeys.window(early));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length > prefix.length
        && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
  }
}
