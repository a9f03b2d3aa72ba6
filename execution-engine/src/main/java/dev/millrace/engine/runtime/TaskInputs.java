package dev.millrace.engine.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records one task has fetched but not processed yet, a queue per input partition, and the
 * choice of which goes next. Across its partitions the task processes the record with the smallest
 * timestamp first — at equal timestamps a table-side partition's — so that a stream record meets
 * each table it joins as it was at the stream record's time, whatever order the consumer fetched
 * in.
 *
 * <p>The choice is only sound while the task sees the head of every partition. When a partition's
 * queue is empty the task waits: without limit while the consumer knows of records on the broker
 * not fetched yet, or does not know yet (no fetch has answered); and for at most the idle time
 * ({@code max.task.idle.ms}) once the partition is at its end, in case records are about to be
 * written to it. A negative idle time never waits. These are Kafka Streams' rules.
 */
final class TaskInputs {
  /** Records buffered per partition before its fetching pauses, as Kafka Streams' default. */
  static final int BUFFER_LIMIT = 1000;

  private static final long NO_DEADLINE = Long.MIN_VALUE;

  private final long maxIdleMillis;
  private final List<PartitionQueue> queues = new ArrayList<>();
  private final Map<TopicPartition, PartitionQueue> byPartition = new HashMap<>();
  private int tieWinners;

  /**
   * @param maxTaskIdle how long to wait for an empty partition at its end; negative: never wait
   */
  TaskInputs(Duration maxTaskIdle) {
    this.maxIdleMillis = maxTaskIdle.isNegative() ? -1 : maxTaskIdle.toMillis();
  }

  /**
   * Adds an input partition (when it is assigned). {@code winsTies}: its records go before other
   * partitions' records with the same timestamp (a table's updates before the stream records they
   * join).
   */
  void register(TopicPartition partition, boolean winsTies) {
    if (byPartition.containsKey(partition)) {
      return;
    }
    PartitionQueue queue = new PartitionQueue(partition);
    byPartition.put(partition, queue);
    if (winsTies) {
      queues.add(tieWinners++, queue);
    } else {
      queues.add(queue);
    }
  }

  /** Buffers records fetched from a registered partition, in offset order. */
  void add(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
    queue(partition).records.addAll(records);
  }

  /** Whether the partition's queue is at the buffer limit: fetching it more should pause. */
  boolean full(TopicPartition partition) {
    return queue(partition).records.size() >= BUFFER_LIMIT;
  }

  /**
   * The record to process next, removed from its queue; null when nothing is buffered, or when an
   * empty partition is worth waiting for at wall-clock time {@code nowMillis}.
   */
  ConsumerRecord<byte[], byte[]> next(long nowMillis, FetchLag lag) {
    PartitionQueue earliest = null;
    for (PartitionQueue queue : queues) {
      ConsumerRecord<byte[], byte[]> head = queue.records.peek();
      if (head != null
          && (earliest == null || head.timestamp() < earliest.records.peek().timestamp())) {
        earliest = queue;
      }
    }
    if (earliest == null) {
      return null;
    }
    for (PartitionQueue queue : queues) {
      if (queue.records.isEmpty() ? mustWaitFor(queue, nowMillis, lag) : noLongerIdle(queue)) {
        return null;
      }
    }
    ConsumerRecord<byte[], byte[]> record = earliest.records.poll();
    earliest.nextOffset = record.offset() + 1;
    earliest.progressed = true;
    return record;
  }

  private static boolean noLongerIdle(PartitionQueue queue) {
    queue.idleDeadline = NO_DEADLINE;
    return false;
  }

  private boolean mustWaitFor(PartitionQueue empty, long nowMillis, FetchLag lag) {
    if (maxIdleMillis < 0) {
      return false;
    }
    OptionalLong pending = lag.of(empty.partition);
    if (pending.isEmpty() || pending.getAsLong() > 0) {
      empty.idleDeadline = NO_DEADLINE;
      return true;
    }
    if (empty.idleDeadline == NO_DEADLINE) {
      empty.idleDeadline =
          nowMillis > Long.MAX_VALUE - maxIdleMillis ? Long.MAX_VALUE : nowMillis + maxIdleMillis;
    }
    return nowMillis < empty.idleDeadline;
  }

  /**
   * The offsets to commit, and forgets them: for each partition processed since the last call, or
   * holding buffered records, the offset of its first record not processed yet.
   */
  Map<TopicPartition, Long> committable() {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (PartitionQueue queue : queues) {
      ConsumerRecord<byte[], byte[]> head = queue.records.peek();
      if (head != null) {
        offsets.put(queue.partition, head.offset());
      } else if (queue.progressed) {
        offsets.put(queue.partition, queue.nextOffset);
      }
      queue.progressed = false;
    }
    return offsets;
  }

  private PartitionQueue queue(TopicPartition partition) {
    PartitionQueue queue = byPartition.get(partition);
    if (queue == null) {
      throw new IllegalStateException("partition " + partition + " is not an input of this task");
    }
    return queue;
  }

  /** One partition's buffered records, where its processing stands, and since when it is idle. */
  private static final class PartitionQueue {
    final TopicPartition partition;
    final ArrayDeque<ConsumerRecord<byte[], byte[]>> records = new ArrayDeque<>();
    long nextOffset;
    boolean progressed;
    long idleDeadline = NO_DEADLINE;

    PartitionQueue(TopicPartition partition) {
      this.partition = partition;
    }
  }
}
