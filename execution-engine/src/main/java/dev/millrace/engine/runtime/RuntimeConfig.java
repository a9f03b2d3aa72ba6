package dev.millrace.engine.runtime;

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
    Duration maxTaskIdle) {

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
  }

  /**
   * Exactly-once, instance 0, commits every 100 ms, the processing log in {@code
   * <serviceId>_processing_log}, no idle wait for partitions at their end (Kafka Streams' default).
   */
  public static RuntimeConfig of(String bootstrapServers, String serviceId, Path stateDirectory) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        "0",
        stateDirectory,
        ProcessingGuarantee.EXACTLY_ONCE,
        serviceId + "_processing_log",
        Duration.ofMillis(100),
        Map.of(),
        Duration.ZERO);
  }

  public RuntimeConfig withGuarantee(ProcessingGuarantee newGuarantee) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        instanceId,
        stateDirectory,
        newGuarantee,
        processingLogTopic,
        commitInterval,
        clientProperties,
        maxTaskIdle);
  }

  public RuntimeConfig withInstanceId(String newInstanceId) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        newInstanceId,
        stateDirectory,
        guarantee,
        processingLogTopic,
        commitInterval,
        clientProperties,
        maxTaskIdle);
  }

  public RuntimeConfig withProcessingLogTopic(String topic) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        instanceId,
        stateDirectory,
        guarantee,
        topic,
        commitInterval,
        clientProperties,
        maxTaskIdle);
  }

  public RuntimeConfig withCommitInterval(Duration interval) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        instanceId,
        stateDirectory,
        guarantee,
        processingLogTopic,
        interval,
        clientProperties,
        maxTaskIdle);
  }

  public RuntimeConfig withClientProperties(Map<String, Object> properties) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        instanceId,
        stateDirectory,
        guarantee,
        processingLogTopic,
        commitInterval,
        properties,
        maxTaskIdle);
  }

  /** With {@code max.task.idle.ms} set to {@code idle}; negative: never wait. */
  public RuntimeConfig withMaxTaskIdle(Duration idle) {
    return new RuntimeConfig(
        bootstrapServers,
        serviceId,
        instanceId,
        stateDirectory,
        guarantee,
        processingLogTopic,
        commitInterval,
        clientProperties,
        idle);
  }
}
