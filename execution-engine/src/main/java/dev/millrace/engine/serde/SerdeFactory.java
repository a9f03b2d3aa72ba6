package dev.millrace.engine.serde;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import java.util.List;
import java.util.Optional;

/**
 * Makes the serdes for a format and a list of columns: KAFKA, JSON, DELIMITED, PROTOBUF_NOSR and
 * NONE. Serdes are
 * immutable and thread-safe; make them once per query, not per record.
 */
public final class SerdeFactory {
  private SerdeFactory() {}

  /**
   * The serde for a record value holding {@code columns}.
   *
   * @throws SerdeException when the format is unknown or cannot hold the columns
   */
  public static ValueSerde valueSerde(FormatInfo format, List<Column> columns) {
    return serde(format, columns, format.wrapped());
  }

  /**
   * The serde for a record key holding {@code columns}, windowed when {@code window} is present.
   * A single key column is always written bare (unwrapped), several as JSON objects or CSV fields.
   */
  public static KeySerde keySerde(FormatInfo format, List<Column> columns, Optional<WindowInfo> window) {
    KeySerde key = new ColumnsKeySerde(serde(format, columns, columns.size() > 1), columns.size());
    return window.isPresent() ? new WindowedKeySerde(key, window.get()) : key;
  }

  private static ValueSerde serde(FormatInfo format, List<Column> columns, boolean wrapped) {
    return switch (format.format()) {
      case "JSON" -> new JsonSerde(columns, wrapped);
      case "KAFKA" -> new KafkaSerde(columns);
      case "DELIMITED" -> new DelimitedSerde(columns, format.options());
      case "NONE" -> none(columns);
      case "PROTOBUF_NOSR" -> new ProtobufSerde(columns, format.options());
      default -> throw new SerdeException("Unsupported format: " + format.format());
    };
  }

  private static ValueSerde none(List<Column> columns) {
    if (!columns.isEmpty()) {
      throw new SerdeException("The NONE format cannot hold columns, but was given " + columns.size());
    }
    return new NoneSerde();
  }
}
