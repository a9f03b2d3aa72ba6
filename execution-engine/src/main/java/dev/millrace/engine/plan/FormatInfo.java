package dev.millrace.engine.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * A serialisation format and its options: {@code KAFKA}, {@code JSON}, {@code DELIMITED} (option
 * {@code delimiter}), {@code NONE}; later AVRO, PROTOBUF, JSON_SR. {@code wrapped} says whether a
 * single column is written inside an object/record (ksqlDB's WRAP_SINGLE_VALUE) or bare.
 */
public record FormatInfo(String format, Map<String, String> options, boolean wrapped) {
  public FormatInfo {
    format = format.toUpperCase(java.util.Locale.ROOT);
    options = Map.copyOf(new TreeMap<>(options));
  }

  public static FormatInfo of(String format) {
    return new FormatInfo(format, Map.of(), true);
  }
}
