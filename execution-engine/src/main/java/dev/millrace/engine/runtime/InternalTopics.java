package dev.millrace.engine.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Looks up and creates the topics a query needs, through Kafka's admin client. */
final class InternalTopics {
  /** Repartition topics carry the input's event times, which may be old: never delete by time. */
  static final Map<String, String> REPARTITION_CONFIG =
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG,
          TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG,
          "-1");

  static final Map<String, String> CHANGELOG_CONFIG =
      Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

  private final Admin admin;

  InternalTopics(Admin admin) {
    this.admin = admin;
  }

  /** The partition count of each topic; fails naming the topics that do not exist. */
  Map<String, Integer> partitions(Collection<String> topics) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> missing = new ArrayList<>();
    admin
        .describeTopics(topics)
        .topicNameValues()
        .forEach(
            (topic, future) -> {
              try {
                TopicDescription description = future.get();
                counts.put(topic, description.partitions().size());
              } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                  throw new QueryStartException(
                      "cannot describe topic " + topic + ": " + e.getCause().getMessage(), e);
                }
                missing.add(topic);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryStartException("interrupted while describing topic " + topic, e);
              }
            });
    if (!missing.isEmpty()) {
      throw new QueryStartException(
          "topic"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + (missing.size() > 1 ? " do" : " does")
              + " not exist");
    }
    return counts;
  }

  /** Creates {@code topic} unless it exists, whatever its partition count (for shared topics). */
  void ensureExists(String topic, int partitions, Map<String, String> config) {
    if (!exists(topic)) {
      ensure(topic, partitions, config);
    }
  }

  private boolean exists(String topic) {
    try {
      return admin.listTopics().names().get().contains(topic);
    } catch (ExecutionException e) {
      throw new QueryStartException("cannot list topics: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryStartException("interrupted while listing topics", e);
    }
  }

  /** Deletes the topics that exist of {@code topics}. */
  void deleteIfExist(Collection<String> topics) {
    admin
        .deleteTopics(TopicCollection.ofTopicNames(topics))
        .topicNameValues()
        .forEach(
            (topic, future) -> {
              try {
                future.get();
              } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                  throw new QueryStartException(
                      "cannot delete topic " + topic + ": " + e.getCause().getMessage(), e);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryStartException("interrupted while deleting topic " + topic, e);
              }
            });
  }

  /** Deletes the consumer group {@code groupId} if it exists (its members must have left). */
  void deleteGroupIfExists(String groupId) {
    try {
      admin.deleteConsumerGroups(List.of(groupId)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        throw new QueryStartException(
            "cannot delete consumer group " + groupId + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryStartException("interrupted while deleting consumer group " + groupId, e);
    }
  }

  /**
   * Creates {@code topic} with {@code partitions} and {@code config} unless it exists; an existing
   * topic with another partition count is an error, since keys would land in the wrong tasks.
   */
  void ensure(String topic, int partitions, Map<String, String> config) {
    try {
      NewTopic newTopic =
          new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(config);
      admin.createTopics(List.of(newTopic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new QueryStartException(
            "cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
      }
      int existing = partitions(List.of(topic)).get(topic);
      if (existing != partitions) {
        throw new QueryStartException(
            "internal topic " + topic + " has " + existing + " partitions, expected " + partitions);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryStartException("interrupted while creating topic " + topic, e);
    }
  }
}
