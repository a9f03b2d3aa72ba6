package dev.millrace.server.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The topic operations the engine and server need, over Kafka's {@link Admin} client, with errors
 * that name the topic. Creation and deletion return only once the broker serves the change, so a
 * producer can write to a topic as soon as {@link #create} returns.
 */
public final class TopicAdmin implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 20;
  private static final String ALL_TOPICS = "*";

  private final Admin admin;
  private final String bootstrapServers;

  private TopicAdmin(Admin admin, String bootstrapServers) {
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
  }

  /** A topic admin for the cluster at {@code bootstrapServers}; close it when done. */
  public static TopicAdmin connect(String bootstrapServers) {
    return connect(bootstrapServers, Map.of());
  }

  /**
   * A topic admin for the cluster at {@code bootstrapServers} with these extra client settings
   * (security); close it when done.
   */
  public static TopicAdmin connect(String bootstrapServers, Map<String, Object> clientProperties) {
    Map<String, Object> properties = new HashMap<>(clientProperties);
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "millrace-topic-admin");
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
    return new TopicAdmin(Admin.create(properties), bootstrapServers);
  }

  /**
   * Creates a topic and waits until every partition has a leader.
   *
   * @throws TopicAdminException.TopicExists if it already exists
   */
  public void create(TopicSpec spec) {
    NewTopic topic =
        new NewTopic(spec.name(), Optional.of(spec.partitions()), spec.replicas())
            .configs(spec.configs());
    await(admin.createTopics(List.of(topic)).all(), spec.name(), "create");
    waitFor(
        () -> hasLeaders(spec.name(), spec.partitions()), spec.name(), "get partition leaders for");
  }

  /** Creates the topic unless one of that name exists; returns whether it created it. */
  public boolean createIfAbsent(TopicSpec spec) {
    try {
      create(spec);
      return true;
    } catch (TopicAdminException.TopicExists exists) {
      return false;
    }
  }

  /** The end offsets of the given partitions of a topic, by partition. */
  public Map<Integer, Long> endOffsets(String topic, Collection<Integer> partitions) {
    Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
    partitions.forEach(p -> wanted.put(new TopicPartition(topic, p), OffsetSpec.latest()));
    Map<Integer, Long> ends = new TreeMap<>();
    await(admin.listOffsets(wanted).all(), topic, "read the end offsets of")
        .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
    return ends;
  }

  /** The offsets a consumer group has committed, by topic partition (empty for no group). */
  public Map<TopicPartition, Long> committedOffsets(String group) {
    Map<TopicPartition, Long> committed = new HashMap<>();
    await(
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
            ALL_TOPICS,
            "read the offsets of group '" + group + "' on")
        .forEach(
            (partition, offset) -> {
              if (offset != null) {
                committed.put(partition, offset.offset());
              }
            });
    return committed;
  }

  /** Whether the topic exists. */
  public boolean exists(String topic) {
    return describeIfExists(topic).isPresent();
  }

  /**
   * The topic's partitions with their leaders and replicas.
   *
   * @throws TopicAdminException.UnknownTopic if it does not exist
   */
  public TopicDescription describe(String topic) {
    return describeIfExists(topic)
        .orElseThrow(() -> new TopicAdminException.UnknownTopic(topic, null));
  }

  /** The names of all topics except Kafka's internal ones, sorted. */
  public SortedSet<String> list() {
    return new TreeSet<>(await(admin.listTopics().names(), ALL_TOPICS, "list"));
  }

  /**
   * Deletes a topic and waits until the broker no longer serves it.
   *
   * @throws TopicAdminException.UnknownTopic if it does not exist
   */
  public void delete(String topic) {
    await(admin.deleteTopics(Set.of(topic)).all(), topic, "delete");
    waitFor(() -> !exists(topic), topic, "finish deleting");
  }

  /** The id the Kafka cluster gives itself, as {@code GET /info} reports it. */
  public String clusterId() {
    return await(admin.describeCluster().clusterId(), "", "describe the cluster of");
  }

  /** The cluster this admin talks to. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  private Optional<TopicDescription> describeIfExists(String topic) {
    try {
      var description =
          await(
              admin.describeTopics(Set.of(topic)).topicNameValues().get(topic), topic, "describe");
      return Optional.of(
          new TopicDescription(
              topic, description.partitions().stream().map(TopicAdmin::partition).toList()));
    } catch (TopicAdminException.UnknownTopic unknown) {
      return Optional.empty();
    }
  }

  private static TopicDescription.Partition partition(TopicPartitionInfo info) {
    int leader = info.leader() == null ? -1 : info.leader().id();
    return new TopicDescription.Partition(
        info.partition(), leader, info.replicas().size(), info.isr().size());
  }

  private boolean hasLeaders(String topic, int partitions) {
    return describeIfExists(topic)
        .filter(d -> d.partitions().size() == partitions)
        .map(d -> d.partitions().stream().allMatch(p -> p.leader() >= 0))
        .orElse(false);
  }

  private void waitFor(BooleanSupplier condition, String topic, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TopicAdminException(
            "timed out after "
                + TIMEOUT.toSeconds()
                + " s waiting for Kafka at "
                + bootstrapServers
                + " to "
                + what
                + " topic '"
                + topic
                + "'",
            null);
      }
      sleep(topic);
    }
  }

  private static void sleep(String topic) {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicAdminException("interrupted while waiting for topic '" + topic + "'", e);
    }
  }

  private <T> T await(KafkaFuture<T> future, String topic, String what) {
    try {
      return future.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw translate(e.getCause(), topic, what);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicAdminException(
          "interrupted while trying to " + what + " topic '" + topic + "'", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw timeout(topic, what, e);
    }
  }

  private TopicAdminException translate(Throwable cause, String topic, String what) {
    if (cause instanceof TopicExistsException) {
      return new TopicAdminException.TopicExists(topic, cause);
    }
    if (cause instanceof UnknownTopicOrPartitionException) {
      return new TopicAdminException.UnknownTopic(topic, cause);
    }
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return timeout(topic, what, cause);
    }
    return new TopicAdminException(
        "cannot "
            + what
            + " "
            + target(topic)
            + " on Kafka at "
            + bootstrapServers
            + ": "
            + cause.getMessage(),
        cause);
  }

  private TopicAdminException timeout(String topic, String what, Throwable cause) {
    return new TopicAdminException(
        "Kafka at "
            + bootstrapServers
            + " did not answer within "
            + TIMEOUT.toSeconds()
            + " s when asked to "
            + what
            + " "
            + target(topic),
        cause);
  }

  private static String target(String topic) {
    return ALL_TOPICS.equals(topic) ? "topics" : "topic '" + topic + "'";
  }
}
