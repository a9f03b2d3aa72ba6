package dev.millrace.server.kafka;

import java.util.List;

/**
 * What the cluster knows about one topic.
 *
 * @param name the topic
 * @param partitions its partitions in partition order
 */
public record TopicDescription(String name, List<Partition> partitions) {

  public TopicDescription {
    partitions = List.copyOf(partitions);
  }

  /** The replication factor, taken from the first partition. */
  public int replicas() {
    return partitions.isEmpty() ? 0 : partitions.get(0).replicas();
  }

  /**
   * One partition of a topic.
   *
   * @param partition the partition number
   * @param leader the broker id of the leader, or -1 if it has none
   * @param replicas how many replicas it has
   * @param inSync how many of them are in sync
   */
  public record Partition(int partition, int leader, int replicas, int inSync) {}
}
