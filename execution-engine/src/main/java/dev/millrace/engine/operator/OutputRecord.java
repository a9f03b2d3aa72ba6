package dev.millrace.engine.operator;

/**
 * A record an operator writes to a topic. Unless {@code partition} names one, the partition is the
 * runtime's choice (Kafka's default partitioner on the key bytes), so records with equal keys meet
 * in one partition. A foreign-key join's responses name theirs: they go back to the task that
 * subscribed, whatever their key bytes would hash to.
 */
public record OutputRecord(String topic, byte[] key, byte[] value, long timestamp, int partition) {
  /** The partition of a record whose partition the runtime chooses. */
  public static final int ANY_PARTITION = -1;

  public OutputRecord(String topic, byte[] key, byte[] value, long timestamp) {
    this(topic, key, value, timestamp, ANY_PARTITION);
  }
}
