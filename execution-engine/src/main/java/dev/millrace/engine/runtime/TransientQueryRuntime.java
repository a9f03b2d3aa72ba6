package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.OutputRecord;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.plan.PlanStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transient (push) query: the plan's operators, with its sink's rows handed to a listener
 * instead of a topic. It reads every partition of its sources itself (no consumer group, nothing
 * committed), from the earliest or the latest offsets, keeps its state in memory, and runs until
 * {@link #stop()}. Records it cannot process are reported to the processing log, as for persistent
 * queries. Like a persistent query's task, it processes the smallest timestamp first across all the
 * partitions it reads (see {@link TaskInputs}).
 */
public final class TransientQueryRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransientQueryRuntime.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  private final String queryId;
  private final Topology topology;
  private final SinkRowDecoder decoder;
  private final RuntimeConfig config;
  private final OffsetReset reset;
  private final TransientRowListener listener;
  private volatile QueryState state = QueryState.NOT_RUNNING;
  private volatile QueryError error;
  private volatile boolean stopping;
  private KafkaProducer<byte[], byte[]> processingLog;
  private Thread thread;

  /** {@code plan} is the query's plan, ending in a sink; {@code topology} was built from it. */
  public TransientQueryRuntime(
      String queryId,
      PlanStep plan,
      Topology topology,
      RuntimeConfig config,
      OffsetReset reset,
      TransientRowListener listener) {
    this.queryId = queryId;
    this.topology = topology;
    this.decoder = SinkRowDecoder.forSink(plan);
    this.config = config;
    this.reset = reset;
    this.listener = listener;
  }

  public String queryId() {
    return queryId;
  }

  public QueryState state() {
    return state;
  }

  public Optional<QueryError> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Assigns every partition of the sources and starts delivering rows; fails if a source is
   * missing.
   */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("transient query " + queryId + " was already started");
    }
    KafkaClients clients =
        new KafkaClients(config, "_millrace-" + config.serviceId() + "-transient-" + queryId);
    List<TopicPartition> partitions = new ArrayList<>();
    try (Admin admin = clients.admin()) {
      new InternalTopics(admin)
          .partitions(topology.sourceTopics())
          .forEach(
              (topic, count) -> {
                for (int p = 0; p < count; p++) {
                  partitions.add(new TopicPartition(topic, p));
                }
              });
    } catch (RuntimeException e) {
      fail(e);
      throw e;
    }
    KafkaConsumer<byte[], byte[]> consumer = clients.assignedConsumer("consumer");
    consumer.assign(partitions);
    if (reset == OffsetReset.EARLIEST) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
    // Resolve the positions now, so that "latest" means the end at start, not at the first poll.
    partitions.forEach(consumer::position);
    thread =
        new Thread(
            () -> run(consumer, inputs(partitions), clients), "millrace-transient-" + queryId);
    state = QueryState.RUNNING;
    thread.start();
  }

  /** One buffer over every partition read, tables' partitions first at equal timestamps. */
  private TaskInputs inputs(List<TopicPartition> partitions) {
    Set<String> tableTopics = new HashSet<>();
    topology.subTopologies().forEach(subTopology -> tableTopics.addAll(subTopology.tableTopics()));
    TaskInputs inputs = new TaskInputs(config.maxTaskIdle());
    partitions.forEach(
        partition -> inputs.register(partition, tableTopics.contains(partition.topic())));
    return inputs;
  }

  private void run(
      KafkaConsumer<byte[], byte[]> consumer, TaskInputs inputs, KafkaClients clients) {
    try (LocalTopology local =
        new LocalTopology(topology, decoder.topic(), this::deliver, e -> report(e, clients))) {
      while (!stopping) {
        FetchPauses.apply(
            consumer,
            consumer.assignment().stream().filter(inputs::full).collect(Collectors.toSet()));
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        records
            .partitions()
            .forEach(partition -> inputs.add(partition, records.records(partition)));
        long now = System.currentTimeMillis();
        FetchLag lag = FetchLag.onePoll(consumer::currentLag);
        for (ConsumerRecord<byte[], byte[]> record = inputs.next(now, lag);
            record != null && !stopping;
            record = inputs.next(now, lag)) {
          local.process(
              new InputRecord(
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  record.key(),
                  record.value(),
                  record.timestamp(),
                  List.of()));
        }
      }
      state = QueryState.NOT_RUNNING;
    } catch (RuntimeException | Error e) {
      fail(e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      if (processingLog != null) {
        processingLog.close(Duration.ofSeconds(5));
      }
    }
  }

  private void deliver(OutputRecord record) {
    listener.onRow(decoder.decode(record));
  }

  private void report(ProcessingError processingError, KafkaClients clients) {
    if (processingLog == null) {
      processingLog = clients.producer(null);
    }
    byte[] entry =
        ProcessingLogEntry.of(queryId, processingError.topic(), processingError).toJson();
    processingLog.send(new ProducerRecord<>(config.processingLogTopic(), null, entry));
  }

  private void fail(Throwable e) {
    error = QueryError.of(e, Instant.now());
    state = QueryState.ERROR;
    LOG.error("Transient query {} failed: {}", queryId, error.message());
  }

  /**
   * Stops delivering rows and releases the consumer. May be called from the listener (after a LIMIT
   * is reached): then it returns at once and the query stops after the current row.
   */
  public void stop() {
    stopping = true;
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
