package dev.millrace.bench.data;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Watches an output topic fill up, counting committed records (read_committed, so an exactly-once
 * engine's records count once their transaction commits) without decoding them, and notes when
 * output was first and last seen.
 */
public final class OutputWatch {
  /** How long an engine may take to show its first output (start-up, rebalance, restore). */
  private static final Duration FIRST_OUTPUT_LIMIT = Duration.ofMinutes(3);

  /** How long output may stall before the watch gives up on the expected count. */
  private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

  private final String bootstrapServers;

  public OutputWatch(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * What was seen: {@code records} in all, {@code firstBatch} of them in the first poll that
   * returned any, at {@code firstNanos}; the last at {@code lastNanos} ({@link System#nanoTime}).
   */
  public record Seen(long records, long firstBatch, long firstNanos, long lastNanos) {
    /** Whether the watch stopped because output stalled before the expected count. */
    public boolean complete(long expected) {
      return records >= expected;
    }
  }

  /** Counts until {@code expected} records are there, or output stalls. */
  public Seen await(String topic, long expected) {
    try (KafkaConsumer<byte[], byte[]> consumer = Topics.readFromStart(bootstrapServers, topic)) {
      long records = 0;
      long firstBatch = 0;
      long first = 0;
      long last = System.nanoTime();
      while (records < expected) {
        int count = consumer.poll(Duration.ofMillis(50)).count();
        long now = System.nanoTime();
        if (count > 0) {
          if (records == 0) {
            first = now;
            firstBatch = count;
          }
          records += count;
          last = now;
        } else if (now - last > (records == 0 ? FIRST_OUTPUT_LIMIT : STALL_LIMIT).toNanos()) {
          break;
        }
      }
      return new Seen(records, firstBatch, first, last);
    }
  }
}
