package dev.millrace.engine.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Deletes what the query has consumed and committed from its repartition topics. They keep records
 * forever by time (they carry event times, which may be old), so without this they would grow
 * without bound. Deletion is asynchronous and at most once per interval; a failed deletion is
 * simply retried with the next one.
 */
final class RepartitionPurger implements AutoCloseable {
  private final Admin admin;
  private final Set<String> repartitionTopics;
  private final long intervalNanos;
  private final Map<TopicPartition, RecordsToDelete> pending = new HashMap<>();
  private long lastPurge = System.nanoTime();

  RepartitionPurger(Admin admin, Set<String> repartitionTopics, Duration interval) {
    this.admin = admin;
    this.repartitionTopics = Set.copyOf(repartitionTopics);
    this.intervalNanos = interval.toNanos();
  }

  /** Notes offsets that were just committed; purges below them when the interval has passed. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          if (repartitionTopics.contains(partition.topic())) {
            pending.put(partition, RecordsToDelete.beforeOffset(offset.offset()));
          }
        });
    if (!pending.isEmpty() && System.nanoTime() - lastPurge >= intervalNanos) {
      admin.deleteRecords(Map.copyOf(pending));
      pending.clear();
      lastPurge = System.nanoTime();
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
