package dev.millrace.server.service;

import dev.millrace.server.kafka.TopicAdmin;
import dev.millrace.server.kafka.TopicDescription;
import dev.millrace.server.kafka.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every accepted DDL and persistent-query statement, in order, in a single-partition Kafka topic
 * that is never compacted and never expires. A restarted server (or a second one with the same
 * service id) replays it to rebuild the same catalog and queries.
 *
 * <p>Appends go through one idempotent producer with {@code acks=all} and are serialised, so this
 * instance is the log's only writer and commands keep the order in which they were accepted.
 */
public final class CommandLog implements CommandSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandLog.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String bootstrapServers;
  private final Map<String, Object> clientProperties;
  private final TopicPartition partition;
  private KafkaProducer<byte[], byte[]> producer;
  private long nextSequence;

  /** Offsets of the commands this instance appended, until a follower has passed them. */
  private final Set<Long> appended = ConcurrentHashMap.newKeySet();

  /** Reads the log's end offset, kept open: statements ask for it before they run. */
  private final Object endReaderLock = new Object();

  private KafkaConsumer<byte[], byte[]> endReader;

  private CommandLog(
      String bootstrapServers,
      Map<String, Object> clientProperties,
      String topic,
      long nextSequence) {
    this.bootstrapServers = bootstrapServers;
    this.clientProperties = Map.copyOf(clientProperties);
    this.partition = new TopicPartition(topic, 0);
    this.nextSequence = nextSequence;
  }

  /** The command topic of a service: {@code _millrace-<serviceId>-command_topic}. */
  public static String topicName(String serviceId) {
    return "_millrace-" + serviceId + "-command_topic";
  }

  /**
   * Opens the service's command log, creating its topic if it does not exist yet.
   *
   * @throws CommandLogException if the topic cannot be created or has more than one partition
   */
  public static CommandLog open(String bootstrapServers, String serviceId) {
    return open(bootstrapServers, Map.of(), serviceId);
  }

  /**
   * Opens the service's command log with these extra Kafka client settings (security), creating its
   * topic if it does not exist yet.
   *
   * @throws CommandLogException if the topic cannot be created or has more than one partition
   */
  public static CommandLog open(
      String bootstrapServers, Map<String, Object> clientProperties, String serviceId) {
    String topic = topicName(serviceId);
    try (TopicAdmin topics = TopicAdmin.connect(bootstrapServers, clientProperties)) {
      topics.createIfAbsent(
          new TopicSpec(
              topic,
              1,
              Optional.empty(),
              Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1")));
      TopicDescription description = topics.describe(topic);
      if (description.partitions().size() != 1) {
        throw new CommandLogException(
            "command topic '"
                + topic
                + "' has "
                + description.partitions().size()
                + " partitions; it must have exactly 1 so that commands keep their order",
            null);
      }
    } catch (RuntimeException e) {
      throw e instanceof CommandLogException cle
          ? cle
          : new CommandLogException(
              "cannot open command topic '" + topic + "': " + e.getMessage(), e);
    }
    CommandLog log = new CommandLog(bootstrapServers, clientProperties, topic, 0);
    log.nextSequence = log.endOffset();
    return log;
  }

  /** The topic holding this log. */
  public String topic() {
    return partition.topic();
  }

  /**
   * Writes a command and waits until Kafka has stored it on all in-sync replicas.
   *
   * @return the command's offset in the topic
   * @throws CommandLogException if the write failed or timed out; the command may or may not be in
   *     the log
   */
  @Override
  public synchronized long append(
      String statement,
      Map<String, String> properties,
      Optional<StoredQuery> query,
      Optional<StoredSource> source) {
    long sequence = nextSequence++;
    byte[] value = CommandCodec.encode(sequence, statement, properties, query, source);
    try {
      long offset =
          producer()
              .send(new ProducerRecord<>(topic(), 0, null, value))
              .get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS)
              .offset();
      seen(offset);
      appended.add(offset);
      return offset;
    } catch (ExecutionException | TimeoutException e) {
      resetProducer();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new CommandLogException(
          "cannot write to command topic '"
              + topic()
              + "' on Kafka at "
              + bootstrapServers
              + ": "
              + cause.getMessage(),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandLogException(
          "interrupted while writing to command topic '" + topic() + "'", e);
    }
  }

  /**
   * Reads the log from the beginning up to its end at the time of the call. Records that cannot be
   * read are reported (logged and listed in {@link CommandReplay#skipped()}) and left out.
   */
  public CommandReplay replay() {
    List<LoggedCommand> commands = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    long end;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).records(partition);
        if (!records.isEmpty()) {
          deadline = System.nanoTime() + TIMEOUT.toNanos();
        } else if (System.nanoTime() > deadline) {
          throw new CommandLogException(
              "reading command topic '"
                  + topic()
                  + "' stalled at offset "
                  + consumer.position(partition)
                  + " of "
                  + end
                  + " for "
                  + TIMEOUT.toSeconds()
                  + " s",
              null);
        }
        records.stream().filter(r -> r.offset() < end).forEach(r -> read(r, commands, skipped));
      }
    } catch (KafkaException e) {
      throw new CommandLogException(
          "cannot read command topic '"
              + topic()
              + "' on Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage(),
          e);
    }
    return new CommandReplay(commands, skipped, end);
  }

  private void read(
      ConsumerRecord<byte[], byte[]> record, List<LoggedCommand> commands, List<String> skipped) {
    try {
      commands.add(CommandCodec.decode(record.offset(), record.value()));
    } catch (CommandCodec.MalformedCommand e) {
      String problem =
          "skipped command log record at "
              + topic()
              + "-0 offset "
              + record.offset()
              + " because "
              + e.getMessage();
      LOG.warn(problem);
      skipped.add(problem);
    }
  }

  /**
   * Opens a reader of the commands appended from {@code offset} on, for a server that follows the
   * log while it runs (see {@link CommandFollower}). Only the caller's thread may use it.
   */
  CommandTail tail(long offset) {
    KafkaConsumer<byte[], byte[]> consumer = consumer();
    consumer.assign(List.of(partition));
    consumer.seek(partition, offset);
    return new CommandTail(consumer, this::decode);
  }

  /**
   * Whether this instance appended the command at {@code offset} (and so has carried it out
   * already); forgets the offset, which a follower passes once.
   */
  boolean appendedHere(long offset) {
    return appended.remove(offset);
  }

  /** The offset the next command will get: the number of records in the log now. */
  public long end() {
    return endOffset();
  }

  private Optional<LoggedCommand> decode(ConsumerRecord<byte[], byte[]> record) {
    seen(record.offset());
    List<LoggedCommand> commands = new ArrayList<>(1);
    read(record, commands, new ArrayList<>());
    return commands.stream().findFirst();
  }

  private long endOffset() {
    try {
      synchronized (endReaderLock) {
        if (endReader == null) {
          endReader = consumer();
        }
        return endReader.endOffsets(List.of(partition), TIMEOUT).get(partition);
      }
    } catch (KafkaException e) {
      throw new CommandLogException(
          "cannot read the end of command topic '"
              + topic()
              + "' on Kafka at "
              + bootstrapServers
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              withSecurity(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers,
                  ProducerConfig.CLIENT_ID_CONFIG,
                  "millrace-command-log",
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true,
                  ProducerConfig.LINGER_MS_CONFIG,
                  0,
                  ProducerConfig.MAX_BLOCK_MS_CONFIG,
                  (int) TIMEOUT.toMillis(),
                  ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                  (int) TIMEOUT.toMillis() / 2,
                  ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                  (int) TIMEOUT.toMillis()),
              new ByteArraySerializer(),
              new ByteArraySerializer());
    }
    return producer;
  }

  /**
   * A failed idempotent producer may be unusable (fatal sequence errors); start afresh next time.
   */
  private void resetProducer() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        withSecurity(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "millrace-command-log-reader",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            // Following a log that TERMINATE CLUSTER deleted must not create it again.
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            false,
            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) TIMEOUT.toMillis()),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** The client properties given as key-value pairs, with the security settings added. */
  private Map<String, Object> withSecurity(Object... keysAndValues) {
    Map<String, Object> properties = new HashMap<>(clientProperties);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  /**
   * Other servers of the service append too: the next sequence this one writes follows the last
   * command it has seen in the log, whoever wrote it.
   */
  private synchronized void seen(long offset) {
    nextSequence = Math.max(nextSequence, offset + 1);
  }

  /** Closes the writer, letting a pending append finish. */
  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
    synchronized (endReaderLock) {
      if (endReader != null) {
        endReader.close(Duration.ZERO);
        endReader = null;
      }
    }
  }
}
