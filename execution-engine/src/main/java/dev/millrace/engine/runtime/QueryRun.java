package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.RecordCacheBudget;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.state.ChangelogRestorer;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.state.RestoreProgress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a persistent query, from start to stop: its Kafka clients, its tasks and the thread
 * that runs its loop. A query that is stopped and started again gets a new run.
 */
final class QueryRun {
  private static final Logger LOG = LoggerFactory.getLogger(QueryRun.class);
  private static final Duration PURGE_INTERVAL = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaConsumer<byte[], byte[]> restoreConsumer;
  private final QueryProducer producer;
  private final ChangelogRestorer restorer;
  private final RepartitionPurger purger;
  private final TaskManager tasks;
  private final QueryLoop loop;
  private final Set<String> inputs = new LinkedHashSet<>();
  private Thread thread;

  /**
   * Creates the clients (under exactly-once, fencing any earlier producer of this instance); the
   * loop processes nothing while {@code paused} says so.
   */
  QueryRun(
      String queryId,
      Topology topology,
      RuntimeConfig config,
      QueryNames names,
      OffsetReset reset,
      QueryCounters counters,
      BooleanSupplier paused) {
    KafkaClients clients = new KafkaClients(config, names.transactionalId(config.instanceId()));
    Map<String, String> kafkaTopics = new HashMap<>();
    Map<String, String> planTopics = new HashMap<>();
    for (String topic : topology.repartitionTopics()) {
      kafkaTopics.put(topic, names.repartitionTopic(topic));
      planTopics.put(names.repartitionTopic(topic), topic);
    }
    inputs.addAll(topology.sourceTopics());
    inputs.addAll(planTopics.keySet());
    boolean exactlyOnce = config.guarantee() == ProcessingGuarantee.EXACTLY_ONCE;
    producer =
        new QueryProducer(
            clients.producer(exactlyOnce ? names.transactionalId(config.instanceId()) : null),
            exactlyOnce,
            queryId,
            kafkaTopics,
            config.processingLogTopic());
    restoreConsumer = clients.assignedConsumer("restore");
    restorer = new ChangelogRestorer(restoreConsumer);
    consumer = clients.mainConsumer(names.groupId());
    purger = new RepartitionPurger(clients.admin(), planTopics.keySet(), PURGE_INTERVAL);
    tasks =
        new TaskManager(
            topology,
            names,
            config.stateDirectory().resolve(queryId),
            producer,
            restorer,
            planTopics,
            counters,
            config.maxTaskIdle(),
            new RecordCacheBudget(config.recordCacheBytes()),
            config.stateMemory());
    loop =
        new QueryLoop(
            consumer,
            producer,
            tasks,
            planTopics.keySet(),
            purger,
            reset,
            config.commitInterval(),
            paused);
  }

  /** Runs the loop on a new thread; {@code onFailure} hears of an error that ended it. */
  void start(String threadName, Consumer<Throwable> onFailure, Runnable onExit) {
    thread =
        new Thread(
            () -> {
              try {
                loop.run(inputs);
              } catch (RuntimeException | Error e) {
                onFailure.accept(e);
              } finally {
                closeClients();
                onExit.run();
              }
            },
            threadName);
    thread.start();
  }

  /** Commits, closes the tasks with checkpoints, and waits for the thread to end. */
  void stop() {
    loop.stop();
    join();
  }

  /** Ends as a killed process would (see {@link KafkaQueryRuntime#crash()}). */
  void crash() {
    loop.abandon();
    join();
  }

  /** The restored copies of store {@code name} of the tasks this run owns. */
  SortedMap<Integer, KeyValueStore> stores(String name) {
    return tasks.stores(name);
  }

  /** The tasks this run has open now. */
  List<TaskId> taskIds() {
    return tasks.taskIds();
  }

  /** The changelog restore under way on the query's thread, if any. */
  Optional<RestoreProgress> restoring() {
    return restorer.progress();
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeClients() {
    closeQuietly(consumer);
    if (loop.abandoned()) {
      producer.closeAbruptly();
    } else {
      closeQuietly(producer);
    }
    closeQuietly(restoreConsumer);
    closeQuietly(purger);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.getMessage());
    }
  }
}
