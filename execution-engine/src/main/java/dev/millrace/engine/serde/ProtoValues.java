package dev.millrace.engine.serde;

import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The protobuf encoding of each SQL type, as ksqlDB's schema-less PROTOBUF_NOSR format lays it out:
 * INTEGER int32, BIGINT int64, DOUBLE double, BOOLEAN bool, STRING string, BYTES bytes; DECIMAL as
 * confluent.type.Decimal (unscaled bytes, precision, scale); DATE as google.type.Date; TIME as
 * google.type.TimeOfDay; TIMESTAMP as google.protobuf.Timestamp; STRUCT as a nested message
 * numbering its fields from 1; ARRAY as a repeated field; MAP as repeated key/value entries. A
 * value that does not fit its column (an int32 beyond INTEGER, a DECIMAL needing rounding, a date
 * or time that does not exist) is a {@link SerdeException}.
 */
final class ProtoValues {
  private ProtoValues() {}

  static ProtoValue of(SqlType type, ProtoMessage.Nulls nulls) {
    return switch (type.base()) {
      case BOOLEAN ->
          scalar(
              ProtoWriter.VARINT,
              false,
              (out, v) -> out.varint((Boolean) v ? 1 : 0),
              in -> in.varint() != 0);
      case INTEGER ->
          scalar(
              ProtoWriter.VARINT,
              0,
              (out, v) -> out.varint((Integer) v),
              in -> inField(() -> NumberFit.toInt(in.varint(), SqlType.INTEGER)));
      case BIGINT ->
          scalar(ProtoWriter.VARINT, 0L, (out, v) -> out.varint((Long) v), ProtoReader::varint);
      case DOUBLE ->
          scalar(
              ProtoWriter.FIXED64,
              0.0,
              (out, v) -> out.fixed64(Double.doubleToRawLongBits((Double) v)),
              in -> Double.longBitsToDouble(in.fixed64()));
      case STRING ->
          scalar(
              ProtoWriter.LENGTH_DELIMITED,
              "",
              (out, v) -> out.string((String) v),
              ProtoReader::string);
      case BYTES ->
          scalar(
              ProtoWriter.LENGTH_DELIMITED,
              ByteBuffer.wrap(new byte[0]),
              (out, v) -> out.bytes(bytes((ByteBuffer) v)),
              in -> ByteBuffer.wrap(in.bytes()));
      case DECIMAL -> decimal((SqlType.Decimal) type);
      case DATE ->
          message(
              new ProtoMessage(
                  ProtoMessage.fieldsOf(SqlType.INTEGER, SqlType.INTEGER, SqlType.INTEGER),
                  ProtoMessage.Nulls.DEFAULTS),
              v -> {
                LocalDate d = LocalDate.ofEpochDay((Integer) v);
                return new Object[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth()};
              },
              f -> inField(() -> date(f)));
      case TIME ->
          message(
              new ProtoMessage(
                  ProtoMessage.fieldsOf(
                      SqlType.INTEGER, SqlType.INTEGER, SqlType.INTEGER, SqlType.INTEGER),
                  ProtoMessage.Nulls.DEFAULTS),
              v -> {
                long ms = (Long) v;
                return new Object[] {
                  (int) (ms / 3_600_000),
                  (int) (ms / 60_000 % 60),
                  (int) (ms / 1000 % 60),
                  (int) (ms % 1000) * 1_000_000
                };
              },
              f -> inField(() -> time(f)));
      case TIMESTAMP ->
          message(
              new ProtoMessage(
                  ProtoMessage.fieldsOf(SqlType.BIGINT, SqlType.INTEGER),
                  ProtoMessage.Nulls.DEFAULTS),
              v ->
                  new Object[] {
                    Math.floorDiv((Long) v, 1000L), (int) Math.floorMod((Long) v, 1000L) * 1_000_000
                  },
              f -> inField(() -> timestamp(f)));
      case STRUCT -> struct((SqlType.Struct) type, nulls);
      case ARRAY, MAP ->
          throw new IllegalArgumentException("repeated fields are handled by ProtoMessage");
    };
  }

  /** Prefixes a value's fit error with the format, as the reader's own errors are. */
  private static <T> T inField(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (SerdeException e) {
      throw new SerdeException("Failed to deserialize PROTOBUF: " + e.getMessage());
    }
  }

  /** A google.type.Date; zero month or day (a year or year-month only) reads as the first. */
  private static int date(Object[] f) {
    try {
      return NumberFit.toInt(
          LocalDate.of((Integer) f[0], Math.max(1, (Integer) f[1]), Math.max(1, (Integer) f[2]))
              .toEpochDay(),
          SqlType.DATE);
    } catch (DateTimeException e) {
      throw new SerdeException("not a valid DATE: no such year, month and day");
    }
  }

  /** A google.type.TimeOfDay, which must be a time of day. */
  private static long time(Object[] f) {
    int hours = (Integer) f[0];
    int minutes = (Integer) f[1];
    int seconds = (Integer) f[2];
    int nanos = (Integer) f[3];
    if (hours < 0
        || hours > 23
        || minutes < 0
        || minutes > 59
        || seconds < 0
        || seconds > 59
        || nanos < 0
        || nanos > 999_999_999) {
      throw new SerdeException("not a valid TIME: hours, minutes, seconds or nanos out of range");
    }
    return hours * 3_600_000L + minutes * 60_000L + seconds * 1000L + nanos / 1_000_000;
  }

  /** A google.protobuf.Timestamp, whose milliseconds since the epoch must fit a BIGINT. */
  private static long timestamp(Object[] f) {
    int nanos = (Integer) f[1];
    if (nanos < 0 || nanos > 999_999_999) {
      throw new SerdeException("not a valid TIMESTAMP: nanos out of range");
    }
    try {
      return Math.addExact(Math.multiplyExact((Long) f[0], 1000L), nanos / 1_000_000);
    } catch (ArithmeticException e) {
      throw new SerdeException("number out of range for TIMESTAMP");
    }
  }

  private interface Writer {
    void write(ProtoWriter out, Object value);
  }

  private interface Reader {
    Object read(ProtoReader in);
  }

  private static ProtoValue scalar(int wireType, Object absent, Writer writer, Reader reader) {
    return new ProtoValue() {
      public int wireType() {
        return wireType;
      }

      public void write(ProtoWriter out, Object value) {
        writer.write(out, value);
      }

      public Object read(ProtoReader in) {
        return reader.read(in);
      }

      public Object absent() {
        return absent;
      }
    };
  }

  /** A value carried as an embedded message of fixed fields. */
  private static ProtoValue message(
      ProtoMessage message,
      java.util.function.Function<Object, Object[]> toFields,
      java.util.function.Function<Object[], Object> fromFields) {
    return new ProtoValue() {
      public int wireType() {
        return ProtoWriter.LENGTH_DELIMITED;
      }

      public void write(ProtoWriter out, Object value) {
        out.bytes(message.write(toFields.apply(value)));
      }

      public Object read(ProtoReader in) {
        return fromFields.apply(message.read(in.embedded()));
      }

      public Object absent() {
        return null;
      }
    };
  }

  private static ProtoValue decimal(SqlType.Decimal type) {
    ProtoMessage fields =
        new ProtoMessage(
            ProtoMessage.fieldsOf(SqlType.BYTES, SqlType.INTEGER, SqlType.INTEGER),
            ProtoMessage.Nulls.DEFAULTS);
    return message(
        fields,
        v ->
            new Object[] {
              ByteBuffer.wrap(((BigDecimal) v).unscaledValue().toByteArray()),
              type.precision(),
              type.scale()
            },
        f -> {
          byte[] unscaled = bytes((ByteBuffer) f[0]);
          BigInteger digits = unscaled.length == 0 ? BigInteger.ZERO : new BigInteger(unscaled);
          return inField(() -> NumberFit.toDecimal(new BigDecimal(digits, (Integer) f[2]), type));
        });
  }

  private static ProtoValue struct(SqlType.Struct type, ProtoMessage.Nulls nulls) {
    ProtoMessage message =
        new ProtoMessage(type.fields().stream().map(SqlType.Field::type).toList(), nulls);
    return message(
        message,
        v -> structValues((dev.millrace.engine.types.Struct) v),
        f -> new dev.millrace.engine.types.Struct(type, f));
  }

  private static Object[] structValues(dev.millrace.engine.types.Struct struct) {
    Object[] values = new Object[struct.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = struct.get(i);
    }
    return values;
  }

  static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
