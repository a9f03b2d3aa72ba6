package dev.millrace.engine.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
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

  /**
   * {@code consumer}'s answers for the records of one poll, each partition asked once. The consumer
   * learns of new records only when it polls, so its answer cannot change until the next poll; but
   * a task with an empty partition (a table at its end, joined by a stream) asks before each record
   * it processes, and the consumer's bookkeeping per question costs more than the memo.
   */
  static FetchLag onePoll(FetchLag consumer) {
    Map<TopicPartition, OptionalLong> answers = new HashMap<>();
    Function<TopicPartition, OptionalLong> ask = consumer::of;
    return partition -> answers.computeIfAbsent(partition, ask);
  }
}
