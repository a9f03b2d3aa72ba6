package dev.millrace.engine.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The poll-process-commit loop of one persistent query, on its own thread. Each poll's records are
 * buffered in the tasks that read them, and each task processes what it may, in timestamp order
 * across its partitions (see {@link TaskInputs}); partitions whose buffers are full are paused
 * until their tasks catch up. At most every commit interval, the tasks' changelog writes are sent
 * and the producer commits output, state and input offsets together. Partitions arriving and
 * leaving with group rebalances create (restoring state) and close tasks.
 *
 * <p>While paused, the loop keeps polling (so the query stays in its group with its partitions)
 * with every partition paused, and processes nothing: what it had buffered and what arrives wait,
 * at their offsets, until it is resumed.
 */
final class QueryLoop implements ConsumerRebalanceListener {
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  private final Consumer<byte[], byte[]> consumer;
  private final QueryProducer producer;
  private final TaskManager tasks;
  private final Set<String> internalTopics;
  private final RepartitionPurger purger;
  private final OffsetReset reset;
  private final long commitIntervalNanos;
  private final BooleanSupplier paused;
  private volatile boolean stopping;
  private volatile boolean abandoning;
  private boolean uncommitted;
  private long lastCommit = System.nanoTime();

  /**
   * @param internalTopics the Kafka names of input topics the query writes itself (read from the
   *     start)
   * @param paused whether the query is paused now (asked at every poll)
   */
  QueryLoop(
      Consumer<byte[], byte[]> consumer,
      QueryProducer producer,
      TaskManager tasks,
      Set<String> internalTopics,
      RepartitionPurger purger,
      OffsetReset reset,
      Duration commitInterval,
      BooleanSupplier paused) {
    this.consumer = consumer;
    this.producer = producer;
    this.tasks = tasks;
    this.internalTopics = Set.copyOf(internalTopics);
    this.purger = purger;
    this.reset = reset;
    this.commitIntervalNanos = commitInterval.toNanos();
    this.paused = paused;
  }

  /**
   * Subscribes to {@code topics} and processes until {@link #stop()}; on failure throws, tasks
   * closed dirty.
   */
  void run(Collection<String> topics) {
    try {
      consumer.subscribe(topics, this);
      while (!stopping && !abandoning) {
        boolean pausedNow = paused.getAsBoolean();
        FetchPauses.apply(consumer, pausedNow ? consumer.assignment() : tasks.fullPartitions());
        tasks.buffer(consumer.poll(POLL_TIMEOUT));
        if (!pausedNow
            && tasks.process(System.currentTimeMillis(), FetchLag.onePoll(consumer::currentLag))) {
          uncommitted = true;
        }
        if (uncommitted && System.nanoTime() - lastCommit >= commitIntervalNanos) {
          commitOrRejoin();
        }
      }
      if (abandoning) {
        tasks.revokeDirty(tasks.assignedPartitions());
        return;
      }
      commit();
      tasks.revokeClean(tasks.assignedPartitions());
    } catch (RuntimeException | Error e) {
      producer.abort();
      tasks.revokeDirty(tasks.assignedPartitions());
      throw e;
    }
  }

  /** Asks the loop to commit, close its tasks and return; it notices within one poll timeout. */
  void stop() {
    stopping = true;
  }

  /**
   * Asks the loop to return as a killed process would leave things: nothing more committed, an open
   * transaction left open, stores without checkpoints. For tests of crash recovery.
   */
  void abandon() {
    abandoning = true;
  }

  boolean abandoned() {
    return abandoning;
  }

  /**
   * Commits; if the group moved on without this member (it was too slow, or fenced by a newer
   * generation), drops the uncommitted work and its tasks: the next poll rejoins the group and the
   * partitions it gets back resume from their committed offsets, their state rebuilt.
   */
  private void commitOrRejoin() {
    try {
      commit();
    } catch (CommitFailedException e) {
      producer.abort();
      tasks.revokeDirty(tasks.assignedPartitions());
      uncommitted = false;
      // Rejoin even if the group did not rebalance: the partitions come back with committed
      // positions.
      consumer.enforceRebalance();
    }
  }

  private void commit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = tasks.prepareCommit();
    producer.commit(offsets, consumer);
    purger.committed(offsets);
    uncommitted = false;
    lastCommit = System.nanoTime();
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (abandoning) {
      tasks.revokeDirty(partitions);
      return;
    }
    commit();
    tasks.revokeClean(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    // Another member may own these already: our uncommitted work must not be committed.
    producer.abort();
    tasks.revokeDirty(partitions);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    tasks.assign(partitions);
    // A new task may have written as it started (a foreign-key join subscribing its restored rows):
    // commit that too at the next interval, whether or not records arrive.
    uncommitted = true;
    seekWhereNothingIsCommitted(partitions);
  }

  private void seekWhereNothingIsCommitted(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
    List<TopicPartition> fromStart = new ArrayList<>();
    List<TopicPartition> fromEnd = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      if (committed.get(partition) != null) {
        continue;
      }
      if (reset == OffsetReset.EARLIEST || internalTopics.contains(partition.topic())) {
        fromStart.add(partition);
      } else {
        fromEnd.add(partition);
      }
    }
    // Both seek calls treat an empty list as "every assigned partition".
    if (!fromStart.isEmpty()) {
      consumer.seekToBeginning(fromStart);
    }
    if (!fromEnd.isEmpty()) {
      consumer.seekToEnd(fromEnd);
    }
  }
}
