package dev.millrace.engine.runtime;

import dev.millrace.engine.state.RocksDbMemory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How persistent and transient queries reach Kafka and keep their state, shared by all queries of
 * one server.
 *
 * @param bootstrapServers the Kafka cluster
 * @param serviceId the server's service id: queries of servers sharing it form one consumer group
 *     per query and share the query's internal topics
 * @param instanceId distinguishes servers that share a service id (part of the transactional id); a
 *     restarted server must keep its instance id so it fences its own unfinished transactions
 * @param stateDirectory where query state lives: {@code <stateDirectory>/<queryId>/<task>/<store>}
 * @param guarantee at-least-once or exactly-once
 * @param processingLogTopic where skipped records are reported (created when missing)
 * @param commitInterval how often a query commits what it has processed
 * @param clientProperties extra Kafka client settings (security and the like) for every client
 * @param maxTaskIdle {@code max.task.idle.ms}: how long a task with several input partitions waits
 *     for records of one that is empty and at its end before it processes the others' records; it
 *     always waits while records are known to be on their way, unless this is negative: then it
 *     never waits (see {@link TaskInputs})
 * @param clientSettings the producer and consumer settings users gave, laid over Millrace's
 * @param recordCacheBytes {@code cache.max.bytes.buffering}: how many bytes of table updates the
 *     query may hold back between commits so that updates to one key coalesce into one output
 *     record (see {@link dev.millrace.engine.operator.RecordCache}); 0 emits every update
 * @param stateMemory the RocksDB memory (block cache and memtables) all queries' stores share
 */
public record RuntimeConfig(
    String bootstrapServers,
    String serviceId,
    String instanceId,
    Path stateDirectory,
    ProcessingGuarantee guarantee,
    String processingLogTopic,
    Duration commitInterval,
    Map<String, Object> clientProperties,
    Duration maxTaskIdle,
    ClientSettings clientSettings,
    long recordCacheBytes,
    RocksDbMemory stateMemory) {

  /**
   * Kafka Streams' commit interval under exactly-once: readers see a query's output only once it is
   * committed, so this is also the output's latency. (ksqlDB sets 2000 ms under either guarantee;
   * Millrace keeps Kafka Streams' figure, and at-least-once queries commit as often.)
   */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

  public RuntimeConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    Objects.requireNonNull(guarantee, "guarantee");
    Objects.requireNonNull(processingLogTopic, "processingLogTopic");
    Objects.requireNonNull(commitInterval, "commitInterval");
    clientProperties = Map.copyOf(clientProperties);
    Objects.requireNonNull(maxTaskIdle, "maxTaskIdle");
    Objects.requireNonNull(clientSettings, "clientSettings");
    Objects.requireNonNull(stateMemory, "stateMemory");
    if (commitInterval.isNegative() || recordCacheBytes < 0) {
      throw new IllegalArgumentException("negative commit interval or record cache size");
    }
  }

  /**
   * Exactly-once, instance 0, commits every 100 ms, the processing log in {@code
   * <serviceId>_processing_log}, no idle wait for partitions at their end (Kafka Streams' default),
   * Millrace's client settings, no record cache (every update emitted), the default RocksDB memory
   * pool.
   */
  public static RuntimeConfig of(String bootstrapServers, String serviceId, Path stateDirectory) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        "0",
        stateDirectory,
        ProcessingGuarantee.EXACTLY_ONCE,
        serviceId + "_processing_log",
        DEFAULT_COMMIT_INTERVAL,
        Map.of(),
        Duration.ZERO,
        ClientSettings.NONE,
        0,
        RocksDbMemory.defaultPool());
  }

  public RuntimeConfig withGuarantee(ProcessingGuarantee newGuarantee) {
    return new Builder(this).guarantee(newGuarantee).build();
  }

  public RuntimeConfig withInstanceId(String newInstanceId) {
    return new Builder(this).instanceId(newInstanceId).build();
  }

  public RuntimeConfig withProcessingLogTopic(String topic) {
    return new Builder(this).processingLogTopic(topic).build();
  }

  public RuntimeConfig withCommitInterval(Duration interval) {
    return new Builder(this).commitInterval(interval).build();
  }

  public RuntimeConfig withClientProperties(Map<String, Object> properties) {
    return new Builder(this).clientProperties(properties).build();
  }

  /** With {@code max.task.idle.ms} set to {@code idle}; negative: never wait. */
  public RuntimeConfig withMaxTaskIdle(Duration idle) {
    return new Builder(this).maxTaskIdle(idle).build();
  }

  public RuntimeConfig withClientSettings(ClientSettings settings) {
    return new Builder(this).clientSettings(settings).build();
  }

  public RuntimeConfig withRecordCacheBytes(long bytes) {
    return new Builder(this).recordCacheBytes(bytes).build();
  }

  public RuntimeConfig withStateMemory(RocksDbMemory memory) {
    return new Builder(this).stateMemory(memory).build();
  }

  /** A copy of a config with some fields changed, so each {@code with} method names only one. */
  private static final class Builder {
    private final RuntimeConfig from;
    private String instanceId;
    private ProcessingGuarantee guarantee;
    private String processingLogTopic;
    private Duration commitInterval;
    private Map<String, Object> clientProperties;
    private Duration maxTaskIdle;
    private ClientSettings clientSettings;
    private long recordCacheBytes;
    private RocksDbMemory stateMemory;

    Builder(RuntimeConfig from) {
      this.from = from;
      instanceId = from.instanceId;
      guarantee = from.guarantee;
      processingLogTopic = from.processingLogTopic;
      commitInterval = from.commitInterval;
      clientProperties = from.clientProperties;
      maxTaskIdle = from.maxTaskIdle;
      clientSettings = from.clientSettings;
      recordCacheBytes = from.recordCacheBytes;
      stateMemory = from.stateMemory;
    }

    Builder instanceId(String value) {
      instanceId = value;
      return this;
    }

    Builder guarantee(ProcessingGuarantee value) {
      guarantee = value;
      return this;
    }

    Builder processingLogTopic(String value) {
      processingLogTopic = value;
      return this;
    }

    Builder commitInterval(Duration value) {
      commitInterval = value;
      return this;
    }

    Builder clientProperties(Map<String, Object> value) {
      clientProperties = value;
      return this;
    }

    Builder maxTaskIdle(Duration value) {
      maxTaskIdle = value;
      return this;
    }

    Builder clientSettings(ClientSettings value) {
      clientSettings = value;
      return this;
    }

    Builder recordCacheBytes(long value) {
      recordCacheBytes = value;
      return this;
    }

    Builder stateMemory(RocksDbMemory value) {
      stateMemory = value;
      return this;
    }

    RuntimeConfig build() {
      return new RuntimeConfig(
          from.bootstrapServers,
          from.serviceId,
          instanceId,
          from.stateDirectory,
          guarantee,
          processingLogTopic,
          commitInterval,
          clientProperties,
          maxTaskIdle,
          clientSettings,
          recordCacheBytes,
          stateMemory);
    }
  }
}
