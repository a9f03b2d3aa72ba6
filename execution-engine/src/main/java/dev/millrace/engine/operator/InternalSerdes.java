package dev.millrace.engine.operator;

import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.engine.types.Column;
import java.util.List;

/**
 * {@link KeySerde} and {@link ValueSerde} in the engine's internal {@link RowCodec} form, for the
 * records of internal repartition topics, which only the query itself reads. Such keys carry no
 * window (re-keying drops it).
 */
final class InternalSerdes {
  private InternalSerdes() {}

  static KeySerde keySerde(List<Column> columns) {
    RowCodec codec = RowCodec.of(columns);
    int count = columns.size();
    return new KeySerde() {
      @Override
      public byte[] serialize(Object[] key, dev.millrace.engine.operator.Window window) {
        return count == 0 || KeySerde.isNullKey(key) ? null : codec.encode(key);
      }

      @Override
      public DecodedKey deserialize(byte[] bytes) {
        return new DecodedKey(bytes == null ? KeySerde.nullKey(count) : codec.decode(bytes), null);
      }
    };
  }

  static ValueSerde valueSerde(List<Column> columns) {
    RowCodec codec = RowCodec.of(columns);
    return new ValueSerde() {
      @Override
      public byte[] serialize(Object[] value) {
        return value == null ? null : codec.encode(value);
      }

      @Override
      public Object[] deserialize(byte[] bytes) {
        return bytes == null ? null : codec.decode(bytes);
      }
    };
  }
}
