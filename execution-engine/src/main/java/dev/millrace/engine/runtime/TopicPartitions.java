package dev.millrace.engine.runtime;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** A topic's partitions as a consumer without a group takes them: every one, by hand. */
public final class TopicPartitions {
  private TopicPartitions() {}

  /** Every partition of {@code topic}, as the cluster lists them to {@code consumer}. */
  public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  /**
   * Assigns {@code consumer} every partition of {@code topic}, each positioned at its first record;
   * returns them.
   */
  public static List<TopicPartition> assignFromBeginning(Consumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions = of(consumer, topic);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }
}
