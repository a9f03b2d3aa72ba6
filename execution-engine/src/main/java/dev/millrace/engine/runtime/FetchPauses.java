package dev.millrace.engine.runtime;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Bounds what a consumer's reader buffers: full partitions are paused, drained ones fetched again.
 */
final class FetchPauses {
  private FetchPauses() {}

  /** Pauses {@code full} and resumes every other paused partition of {@code consumer}. */
  static void apply(Consumer<?, ?> consumer, Set<TopicPartition> full) {
    Set<TopicPartition> drained = new HashSet<>(consumer.paused());
    drained.removeAll(full);
    consumer.resume(drained);
    consumer.pause(full);
  }
}
