package dev.millrace.engine.operator;

/**
 * A record an operator writes to a topic. Unless {@code partition} names one, the partition is the
 * runtime's choice: Kafka's default partitioner over the first {@code partitionKeyLength} bytes of
 * the key, so records with equal keys meet in one partition. That is the whole key, except for a
 * windowed key, whose window bytes are left out as Kafka Streams leaves them out: every window of a
 * key goes to the partition of the key itself. A foreign-key join's responses name their partition:
 * they go back to the task that subscribed, whatever their key bytes would hash to.
 */
public record OutputRecord(
    String topic, byte[] key, byte[] value, long timestamp, int partition, int partitionKeyLength) {
  /** The partition of a record whose partition the runtime chooses. */
  public static final int ANY_PARTITION = -1;

  /** A record partitioned by its whole key. */
  public OutputRecord(String topic, byte[] key, byte[] value, long timestamp) {
    this(topic, key, value, timestamp, ANY_PARTITION, key == null ? 0 : key.length);
  }

  /** A record written to {@code partition}. */
  public OutputRecord(String topic, byte[] key, byte[] value, long timestamp, int partition) {
    this(topic, key, value, timestamp, partition, key == null ? 0 : key.length);
  }

  /** Whether the runtime must hash fewer bytes than the whole key to choose the partition. */
  public boolean partitionedByKeyPrefix() {
    return partition == ANY_PARTITION && key != null && partitionKeyLength < key.length;
  }
}
