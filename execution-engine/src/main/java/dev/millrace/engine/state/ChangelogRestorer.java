package dev.millrace.engine.state;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Replays a changelog topic partition into a local store, from a given offset to the partition's
 * current end. The consumer is assigned manually and should read committed records only, so that
 * writes of aborted transactions never reach the store.
 */
public final class ChangelogRestorer {
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);

  private final Consumer<byte[], byte[]> consumer;

  /**
   * The restore under way, for other threads to report (pull queries say how far along state is).
   */
  private volatile RestoreProgress progress;

  /** {@code consumer}: a byte-array consumer with no group subscription, owned by the caller. */
  public ChangelogRestorer(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /**
   * The offset after the last record of the changelog partition (for read_committed, the last
   * stable offset).
   */
  public long endOffset(ChangelogPartition changelog) {
    TopicPartition partition = topicPartition(changelog);
    // Assigned first: a read_committed consumer updates the partition's last stable offset from the
    // answer.
    consumer.assign(List.of(partition));
    return consumer.endOffsets(List.of(partition)).get(partition);
  }

  /**
   * Applies the changelog records from {@code fromOffset} up to the current end to {@code store},
   * in batches, and returns the offset it stopped at (the store now reflects everything before it).
   */
  public long restore(KeyValueStore store, ChangelogPartition changelog, long fromOffset) {
    TopicPartition partition = topicPartition(changelog);
    long end = endOffset(changelog);
    if (fromOffset >= end) {
      return fromOffset;
    }
    consumer.seek(partition, fromOffset);
    long deadline = System.nanoTime() + RESTORE_TIMEOUT.toNanos();
    try {
      long position = fromOffset;
      while (position < end) {
        progress = new RestoreProgress(changelog, position - fromOffset, end - fromOffset);
        if (System.nanoTime() > deadline) {
          throw new StateStoreException(
              "restoring state store "
                  + store.name()
                  + " from "
                  + changelog
                  + " did not reach offset "
                  + end
                  + " within "
                  + RESTORE_TIMEOUT);
        }
        apply(store, consumer.poll(POLL_TIMEOUT));
        position = consumer.position(partition);
      }
      return position;
    } finally {
      progress = null;
    }
  }

  /** The restore in progress on the restoring thread, if any; safe to call from any thread. */
  public Optional<RestoreProgress> progress() {
    return Optional.ofNullable(progress);
  }

  private static void apply(KeyValueStore store, ConsumerRecords<byte[], byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    // Sorted by key so that a key written twice in the batch keeps its last value only.
    Map<byte[], byte[]> batch = new TreeMap<>(Arrays::compareUnsigned);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      batch.put(record.key(), record.value());
    }
    store.putAll(batch);
  }

  private static TopicPartition topicPartition(ChangelogPartition changelog) {
    return new TopicPartition(changelog.topic(), changelog.partition());
  }
}
