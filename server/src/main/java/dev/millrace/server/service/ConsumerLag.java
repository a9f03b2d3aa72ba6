package dev.millrace.server.service;

/**
 * How far a persistent query's consumer group is behind one of its input partitions.
 *
 * @param committed the offset the group has committed (the next it will process)
 * @param end the partition's end offset
 */
public record ConsumerLag(String topic, int partition, long committed, long end) {

  /** The records between the committed offset and the end. */
  public long lag() {
    return Math.max(0, end - committed);
  }
}
