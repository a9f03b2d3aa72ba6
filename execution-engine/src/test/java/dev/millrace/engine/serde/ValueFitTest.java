package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value that does not fit its column is a deserialization error, in every format, never a
 * wrapped, rounded or truncated value: one table per format of input bytes and the value read or
 * the exact error (which must not quote the data).
 */
class ValueFitTest {
  private static final SqlType DEC_4_2 = new SqlType.Decimal(4, 2);

  static Stream<Arguments> json() {
    return Stream.of(
        read(SqlType.INTEGER, "2147483647", Integer.MAX_VALUE),
        read(SqlType.INTEGER, "-2147483648", Integer.MIN_VALUE),
        fail(SqlType.INTEGER, "2147483648", "number out of range for INTEGER"),
        fail(SqlType.INTEGER, "-2147483649", "number out of range for INTEGER"),
        fail(SqlType.INTEGER, "99999999999999999999999", "number out of range for INTEGER"),
        fail(SqlType.INTEGER, "\"2147483648\"", "number out of range for INTEGER"),
        fail(SqlType.INTEGER, "3e10", "number out of range for INTEGER"),
        read(SqlType.INTEGER, "\"12\"", 12),
        // ksqlDB drops the fraction of a JSON number read into a whole-number column
        read(SqlType.INTEGER, "-1.7", -1),
        read(SqlType.INTEGER, "1e3", 1000),
        fail(SqlType.INTEGER, "\"1.5\"", "not a valid INTEGER"),
        fail(SqlType.INTEGER, "\"twelve\"", "not a valid INTEGER"),
        read(SqlType.BIGINT, "9223372036854775807", Long.MAX_VALUE),
        fail(SqlType.BIGINT, "9223372036854775808", "number out of range for BIGINT"),
        fail(SqlType.BIGINT, "-9.3e18", "number out of range for BIGINT"),
        read(SqlType.BIGINT, "2.9", 2L),
        read(SqlType.DOUBLE, "1e308", 1e308),
        fail(SqlType.DOUBLE, "1e309", "number out of range for DOUBLE"),
        fail(SqlType.DOUBLE, "\"1e309\"", "number out of range for DOUBLE"),
        read(SqlType.DOUBLE, "\"-Infinity\"", Double.NEGATIVE_INFINITY),
        read(DEC_4_2, "12.3", new BigDecimal("12.30")),
        read(DEC_4_2, "-99.99", new BigDecimal("-99.99")),
        read(DEC_4_2, "1.500", new BigDecimal("1.50")),
        read(DEC_4_2, "\"0.01\"", new BigDecimal("0.01")),
        fail(
            DEC_4_2,
            "1.234",
            "number has more than 2 digits after the decimal point for DECIMAL(4, 2)"),
        fail(
            DEC_4_2,
            "100",
            "number has more than 2 digits before the decimal point for DECIMAL(4, 2)"),
        fail(
            DEC_4_2,
            "\"-100.5\"",
            "number has more than 2 digits before the decimal point for DECIMAL(4, 2)"),
        fail(DEC_4_2, "\"1,5\"", "not a valid DECIMAL(4, 2)"),
        read(SqlType.DATE, "19000", 19000),
        fail(SqlType.DATE, "\"2022-01-01\"", "not a valid DATE"),
        fail(SqlType.DATE, "4294967296", "number out of range for DATE"),
        read(SqlType.TIME, "86399999", 86_399_999L),
        fail(
            SqlType.TIME,
            "86400000",
            "not a valid TIME: milliseconds since midnight must be from 0 to 86399999"),
        fail(
            SqlType.TIME,
            "-1",
            "not a valid TIME: milliseconds since midnight must be from 0 to 86399999"),
        fail(SqlType.TIME, "\"10:00\"", "not a valid TIME"),
        read(SqlType.TIMESTAMP, "\"1651182287943\"", 1_651_182_287_943L),
        fail(SqlType.TIMESTAMP, "\"2022-04-28T21:44:47\"", "not a valid TIMESTAMP"),
        fail(SqlType.TIMESTAMP, "1e19", "number out of range for TIMESTAMP"),
        fail(SqlType.BYTES, "\"not base64!\"", "not valid base64 for BYTES"),
        fail(
            new SqlType.Array(SqlType.INTEGER),
            "[1, 2147483648]",
            "number out of range for INTEGER"),
        fail(
            new SqlType.Map(SqlType.INTEGER, SqlType.STRING),
            "{\"x\": \"a\"}",
            "map key is not a valid INTEGER"));
  }

  @ParameterizedTest(name = "JSON {0} {1} -> {2}")
  @MethodSource("json")
  void json(SqlType type, String value, Object expected) {
    check(FormatInfo.of("JSON"), type, "{\"V\": " + value + "}", expected);
  }

  static Stream<Arguments> delimited() {
    return Stream.of(
        read(SqlType.INTEGER, "-2147483648", Integer.MIN_VALUE),
        fail(SqlType.INTEGER, "2147483648", "number out of range for INTEGER"),
        fail(SqlType.INTEGER, "1.5", "not a valid INTEGER"),
        fail(SqlType.BIGINT, "-9223372036854775809", "number out of range for BIGINT"),
        fail(SqlType.DOUBLE, "1e400", "number out of range for DOUBLE"),
        fail(SqlType.DOUBLE, "one", "not a valid DOUBLE"),
        read(DEC_4_2, "10.0000", new BigDecimal("10.00")),
        fail(
            DEC_4_2,
            "10.001",
            "number has more than 2 digits after the decimal point for DECIMAL(4, 2)"),
        fail(
            DEC_4_2,
            "123",
            "number has more than 2 digits before the decimal point for DECIMAL(4, 2)"),
        read(SqlType.DATE, "-1", -1),
        fail(SqlType.DATE, "2022-01-01", "not a valid DATE"),
        fail(
            SqlType.TIME,
            "90000000",
            "not a valid TIME: milliseconds since midnight must be from 0 to 86399999"),
        fail(SqlType.TIMESTAMP, "yesterday", "not a valid TIMESTAMP"),
        fail(SqlType.BYTES, "%%%", "not valid base64 for BYTES"));
  }

  @ParameterizedTest(name = "DELIMITED {0} {1} -> {2}")
  @MethodSource("delimited")
  void delimited(SqlType type, String field, Object expected) {
    check(FormatInfo.of("DELIMITED"), type, field, expected);
  }

  static Stream<Arguments> kafka() {
    return Stream.of(
        Arguments.of(SqlType.INTEGER, new byte[] {(byte) 0x80, 0, 0, 0}, Integer.MIN_VALUE),
        Arguments.of(
            SqlType.INTEGER,
            new byte[] {0, 0, 0, 0, 1},
            "Failed to deserialize column V: the KAFKA format needs 4 bytes for INTEGER but got 5"),
        Arguments.of(
            SqlType.BIGINT,
            new byte[] {0, 0, 0, 1},
            "Failed to deserialize column V: the KAFKA format needs 8 bytes for BIGINT but got 4"),
        Arguments.of(SqlType.DOUBLE, new byte[] {0x3F, (byte) 0xF8, 0, 0, 0, 0, 0, 0}, 1.5),
        Arguments.of(
            SqlType.DOUBLE,
            new byte[0],
            "Failed to deserialize column V: the KAFKA format needs 8 bytes for DOUBLE but got 0"));
  }

  @ParameterizedTest(name = "KAFKA {0} -> {2}")
  @MethodSource("kafka")
  void kafka(SqlType type, byte[] bytes, Object expected) {
    check(
        SerdeFactory.valueSerde(FormatInfo.of("KAFKA"), List.of(new Column("V", type))),
        bytes,
        expected);
  }

  static Stream<Arguments> protobuf() {
    byte[] outOfIntRange = {0x08, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}; // 2^31
    byte[] negativeInt = {
      0x08,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      0x01
    }; // -1, sign-extended to ten bytes as protobuf writes it
    byte[] varintOver64Bits = {
      0x08,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      0x03
    };
    // confluent.type.Decimal {value: unscaled 1234, precision 4, scale 3}: 1.234
    byte[] decimalNeedingRounding = {
      0x0A, 0x08, 0x0A, 0x02, 0x04, (byte) 0xD2, 0x10, 0x04, 0x18, 0x03
    };
    // {value: unscaled 12345, precision 5, scale 2}: 123.45
    byte[] decimalTooLarge = {0x0A, 0x08, 0x0A, 0x02, 0x30, 0x39, 0x10, 0x05, 0x18, 0x02};
    // google.type.Date {year 2022, month 2, day 30}
    byte[] noSuchDate = {0x0A, 0x07, 0x08, (byte) 0xE6, 0x0F, 0x10, 0x02, 0x18, 0x1E};
    // google.type.TimeOfDay {hours 25}
    byte[] noSuchTime = {0x0A, 0x02, 0x08, 0x19};
    // google.protobuf.Timestamp {seconds 2^62}
    byte[] timestampOverflow = {
      0x0A,
      0x0A,
      0x08,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      (byte) 0x80,
      0x40
    };
    return Stream.of(
        Arguments.of(SqlType.INTEGER, negativeInt, -1),
        Arguments.of(
            SqlType.INTEGER,
            outOfIntRange,
            "Failed to deserialize PROTOBUF: number out of range for INTEGER"),
        Arguments.of(
            SqlType.BIGINT, varintOver64Bits, "Failed to deserialize PROTOBUF: malformed varint"),
        Arguments.of(
            DEC_4_2,
            decimalNeedingRounding,
            "Failed to deserialize PROTOBUF: number has more than 2 digits after the decimal point for DECIMAL(4, 2)"),
        Arguments.of(
            DEC_4_2,
            decimalTooLarge,
            "Failed to deserialize PROTOBUF: number has more than 2 digits before the decimal point for DECIMAL(4, 2)"),
        Arguments.of(
            SqlType.DATE,
            noSuchDate,
            "Failed to deserialize PROTOBUF: not a valid DATE: no such year, month and day"),
        Arguments.of(
            SqlType.TIME,
            noSuchTime,
            "Failed to deserialize PROTOBUF: not a valid TIME: hours, minutes, seconds or nanos out of range"),
        Arguments.of(
            SqlType.TIMESTAMP,
            timestampOverflow,
            "Failed to deserialize PROTOBUF: number out of range for TIMESTAMP"));
  }

  @ParameterizedTest(name = "PROTOBUF_NOSR {0} -> {2}")
  @MethodSource("protobuf")
  void protobuf(SqlType type, byte[] bytes, Object expected) {
    check(
        SerdeFactory.valueSerde(FormatInfo.of("PROTOBUF_NOSR"), List.of(new Column("V", type))),
        bytes,
        expected);
  }

  /** A case reading {@code value} successfully. */
  private static Arguments read(SqlType type, String input, Object value) {
    return Arguments.of(type, input, value);
  }

  /** A case failing with "Failed to deserialize column V: " and {@code reason}. */
  private static Arguments fail(SqlType type, String input, String reason) {
    return Arguments.of(type, input, "Failed to deserialize column V: " + reason);
  }

  private static void check(FormatInfo format, SqlType type, String text, Object expected) {
    check(
        SerdeFactory.valueSerde(format, List.of(new Column("V", type))),
        text.getBytes(StandardCharsets.UTF_8),
        expected);
  }

  /** A string expected for a non-string column is the exact error message. */
  private static void check(ValueSerde serde, byte[] bytes, Object expected) {
    if (expected instanceof String message) {
      SerdeException e = assertThrows(SerdeException.class, () -> serde.deserialize(bytes));
      assertEquals(message, e.getMessage());
    } else {
      assertArrayEquals(new Object[] {expected}, serde.deserialize(bytes));
    }
  }
}
