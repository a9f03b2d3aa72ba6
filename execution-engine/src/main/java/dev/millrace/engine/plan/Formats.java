package dev.millrace.engine.plan;

import java.util.Optional;

/**
 * How a topic's records are read or written: key format, value format, and the key's windowing (a
 * windowed key carries the window's bounds after the key columns, as Kafka Streams lays it out).
 */
public record Formats(FormatInfo key, FormatInfo value, Optional<WindowInfo> keyWindow) {
  public Formats {
    keyWindow = keyWindow == null ? Optional.empty() : keyWindow;
  }
}
