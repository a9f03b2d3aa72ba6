package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.RecordCacheBudget;
import dev.millrace.engine.operator.SubTopology;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.state.ChangelogRestorer;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.state.RocksDbMemory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The tasks of one query on this instance, created and closed as the consumer group assigns and
 * revokes partitions. A task is one sub-topology on one partition number; co-partitioned input
 * topics of a sub-topology (a stream and the table it joins) share it, and a partition that several
 * sub-topologies read feeds a task of each.
 */
final class TaskManager {
  private final Topology topology;
  private final QueryNames names;
  private final Path queryDirectory;
  private final QueryProducer producer;
  private final ChangelogRestorer restorer;
  private final Map<String, String> planTopics;
  private final QueryCounters counters;
  private final Duration maxTaskIdle;
  private final RecordCacheBudget recordCache;
  private final RocksDbMemory stateMemory;

  /** Concurrent: pull queries read {@link #stores} from other threads. */
  private final Map<TaskId, StreamTask> tasks = new ConcurrentHashMap<>();

  private final Map<TopicPartition, List<StreamTask>> byPartition = new HashMap<>();

  /**
   * @param planTopics the plan's name for each Kafka topic that differs from it
   * @param maxTaskIdle how long a task waits for records of an input partition at its end ({@link
   *     TaskInputs})
   * @param recordCache the budget of the query's record caches, shared by its tasks
   * @param stateMemory the RocksDB memory the tasks' stores draw from
   */
  TaskManager(
      Topology topology,
      QueryNames names,
      Path queryDirectory,
      QueryProducer producer,
      ChangelogRestorer restorer,
      Map<String, String> planTopics,
      QueryCounters counters,
      Duration maxTaskIdle,
      RecordCacheBudget recordCache,
      RocksDbMemory stateMemory) {
    this.topology = topology;
    this.names = names;
    this.queryDirectory = queryDirectory;
    this.producer = producer;
    this.restorer = restorer;
    this.planTopics = Map.copyOf(planTopics);
    this.counters = counters;
    this.maxTaskIdle = maxTaskIdle;
    this.recordCache = recordCache;
    this.stateMemory = stateMemory;
  }

  /** Creates (restoring state) the tasks for newly assigned partitions. */
  void assign(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      String planTopic = planTopics.getOrDefault(partition.topic(), partition.topic());
      List<StreamTask> readers = new ArrayList<>();
      for (SubTopology subTopology : topology.subTopologies()) {
        if (subTopology.inputTopics().contains(planTopic)) {
          StreamTask task =
              tasks.computeIfAbsent(
                  new TaskId(subTopology.id(), partition.partition()), this::createTask);
          task.register(partition, subTopology.tableTopics().contains(planTopic));
          readers.add(task);
        }
      }
      byPartition.put(partition, List.copyOf(readers));
    }
  }

  private StreamTask createTask(TaskId id) {
    SubTopology subTopology = topology.subTopologies().get(id.subTopology());
    TaskStores stores =
        TaskStores.open(
            queryDirectory.resolve(id.toString()),
            subTopology.stores(),
            subTopology.lookupStores(),
            id.partition(),
            names,
            restorer,
            stateMemory);
    try {
      return new StreamTask(
          id,
          subTopology.newPipeline(),
          stores,
          producer,
          planTopics,
          counters,
          maxTaskIdle,
          recordCache);
    } catch (RuntimeException e) {
      stores.closeDirty();
      throw e;
    }
  }

  /**
   * Buffers one poll's records in the tasks that read them (every reader of a partition gets them
   * all).
   */
  void buffer(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      List<StreamTask> readers = byPartition.get(partition);
      if (readers == null) {
        throw new IllegalStateException("no task for assigned partition " + partition);
      }
      List<ConsumerRecord<byte[], byte[]>> fetched = records.records(partition);
      readers.forEach(task -> task.buffer(partition, fetched));
    }
  }

  /** Lets every task process what it may of its buffered records; returns whether any did. */
  boolean process(long nowMillis, FetchLag lag) {
    int processed = 0;
    for (StreamTask task : tasks.values()) {
      processed += task.process(nowMillis, lag);
    }
    long behind = 0;
    for (TopicPartition partition : byPartition.keySet()) {
      behind += lag.of(partition).orElse(0);
    }
    counters.lag(behind);
    return processed > 0;
  }

  /**
   * The partitions to stop fetching for now: those every reading task holds a full buffer of. A
   * partition some task has not buffered in full keeps being fetched, so that no task waits for
   * records that cannot come.
   */
  Set<TopicPartition> fullPartitions() {
    Set<TopicPartition> full = new HashSet<>();
    byPartition.forEach(
        (partition, readers) -> {
          if (readers.stream().allMatch(task -> task.full(partition))) {
            full.add(partition);
          }
        });
    return full;
  }

  /**
   * Sends every task's changelog writes and returns the offsets to commit with them. A partition
   * that several tasks read is committed up to where the slowest of them stands.
   */
  Map<TopicPartition, OffsetAndMetadata> prepareCommit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (StreamTask task : tasks.values()) {
      task.prepareCommit()
          .forEach(
              (partition, offset) ->
                  offsets.merge(
                      partition,
                      offset,
                      (one, other) -> one.offset() <= other.offset() ? one : other));
    }
    return offsets;
  }

  /** Closes, after a commit, the tasks that read any of {@code partitions}. */
  void revokeClean(Collection<TopicPartition> partitions) {
    for (StreamTask task : release(partitions)) {
      task.closeClean();
    }
  }

  /** Closes without checkpoints the tasks that read any of {@code partitions}. */
  void revokeDirty(Collection<TopicPartition> partitions) {
    for (StreamTask task : release(partitions)) {
      task.closeDirty();
    }
  }

  /**
   * The open copies of store {@code name}, one per task that has it, by the task's partition. A
   * task is listed only once its stores are restored (see {@link #createTask}), so each copy holds
   * its whole partition.
   */
  SortedMap<Integer, KeyValueStore> stores(String name) {
    SortedMap<Integer, KeyValueStore> stores = new TreeMap<>();
    for (StreamTask task : tasks.values()) {
      KeyValueStore store = task.storeIfPresent(name);
      if (store != null) {
        stores.put(task.id().partition(), store);
      }
    }
    return stores;
  }

  /** The tasks open now; safe to call from any thread. */
  List<TaskId> taskIds() {
    return List.copyOf(tasks.keySet());
  }

  /** The partitions that have tasks. */
  List<TopicPartition> assignedPartitions() {
    return new ArrayList<>(byPartition.keySet());
  }

  private List<StreamTask> release(Collection<TopicPartition> partitions) {
    List<StreamTask> released = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      for (StreamTask task : byPartition.getOrDefault(partition, List.of())) {
        if (tasks.remove(task.id()) != null) {
          released.add(task);
        }
      }
    }
    // A task reading several partitions stops reading all of them when it closes.
    byPartition
        .values()
        .removeIf(readers -> readers.stream().anyMatch(task -> !tasks.containsKey(task.id())));
    return released;
  }
}
