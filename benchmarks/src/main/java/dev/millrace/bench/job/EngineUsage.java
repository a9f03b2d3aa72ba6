package dev.millrace.bench.job;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the engine process of one pass used, measured once its output is complete, with every key of
 * the job in its state. The child prints it as one line, the parent reads it back.
 *
 * @param cpuNanos CPU time from just before the query started
 * @param peakResidentBytes the process's peak resident set, where the system tells it (Linux)
 * @param heapAfterGcBytes JVM heap in use after a full collection: what the engine keeps on heap
 * @param state the native memory of the engine's RocksDB stores
 */
public record EngineUsage(
    long cpuNanos, OptionalLong peakResidentBytes, long heapAfterGcBytes, StateMemory state) {

  /** Starts the line that carries a usage. */
  public static final String PREFIX = "USAGE";

  private static final String UNKNOWN = "n/a";

  /** {@code USAGE cpu=<ns> rss=<bytes>|n/a heap=<bytes> rocksdb=<bytes> pinned=<bytes>}. */
  public String line() {
    return PREFIX
        + " cpu="
        + cpuNanos
        + " rss="
        + text(peakResidentBytes)
        + " heap="
        + heapAfterGcBytes
        + " rocksdb="
        + state.usedBytes()
        + " pinned="
        + state.pinnedBytes();
  }

  /** The usage in a line {@link #line()} wrote. */
  public static EngineUsage parse(String line) {
    Map<String, String> fields = new HashMap<>();
    for (String field : line.substring(PREFIX.length()).trim().split(" ")) {
      int equals = field.indexOf('=');
      fields.put(field.substring(0, equals), field.substring(equals + 1));
    }
    return new EngineUsage(
        Long.parseLong(fields.get("cpu")),
        number(fields.get("rss")),
        Long.parseLong(fields.get("heap")),
        new StateMemory(
            Long.parseLong(fields.get("rocksdb")), Long.parseLong(fields.get("pinned"))));
  }

  private static String text(OptionalLong bytes) {
    return bytes.isPresent() ? Long.toString(bytes.getAsLong()) : UNKNOWN;
  }

  private static OptionalLong number(String text) {
    return text.equals(UNKNOWN) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
  }
}
