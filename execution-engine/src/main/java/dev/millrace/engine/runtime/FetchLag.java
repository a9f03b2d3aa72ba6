package dev.millrace.engine.runtime;

import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records of a partition are on the broker but not fetched yet, as the consumer last
 * learned it ({@code KafkaConsumer::currentLag}): a task that has nothing buffered for a partition
 * uses it to tell "more is coming" from "this partition is at its end".
 */
@FunctionalInterface
interface FetchLag {
  /**
   * The records between the fetch position and the end of {@code partition}; empty when not known
   * yet.
   */
  OptionalLong of(TopicPartition partition);
}
