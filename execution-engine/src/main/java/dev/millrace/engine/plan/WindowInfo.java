package dev.millrace.engine.plan;

/**
 * How records are grouped into windows. Durations are milliseconds. {@code advanceMs} applies to
 * HOPPING (equal to the size for TUMBLING); {@code sizeMs} is the inactivity gap for SESSION.
 * {@code graceMs} is how long after a window's end late records are still accepted (-1: the
 * default). {@code retentionMs} is how long window state is kept (-1: the default).
 */
public record WindowInfo(Type type, long sizeMs, long advanceMs, long graceMs, long retentionMs) {

  /** The window kinds of ksqlDB. */
  public enum Type {
    TUMBLING,
    HOPPING,
    SESSION
  }

  public static WindowInfo tumbling(long sizeMs) {
    return new WindowInfo(Type.TUMBLING, sizeMs, sizeMs, -1, -1);
  }
}
