package dev.millrace.server.service;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.TopicRequest;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What a statement needs of the topics it reads and writes, checked before the statement is logged
 * so that a mistake is a 400 with its position rather than a broken query: the topic exists (or the
 * statement says how to create it), a partition count that Kafka and the join's co-partitioning
 * accept, and a broker that agrees to create it.
 */
final class TopicChecks {
  private final QueryBackend backend;
  private final TopologyBuilder topologies;
  private final boolean createsMissingTopics;

  /**
   * Offline, the topics statements created with a PARTITIONS of their own. The others were made
   * when needed with one partition, where a Kafka cluster would have had the user choose, so their
   * partition count says nothing and they join anything.
   */
  private final Set<String> sizedOffline = ConcurrentHashMap.newKeySet();

  TopicChecks(QueryBackend backend, FunctionRegistry functions, boolean createsMissingTopics) {
    this.backend = backend;
    this.topologies = new TopologyBuilder(functions, backend.schemaRegistry());
    this.createsMissingTopics = createsMissingTopics;
  }

  /**
   * Makes sure the topic exists: creates it with the requested partitions, else {@code likeInput}'s
   * (a query's sink), else (offline runs only) one, and with the requested replicas, else {@code
   * defaultReplicas}, else the cluster's default; fails when it exists with another partition count
   * than requested, or is missing and the statement does not say how to create it.
   */
  void ensure(
      TopicRequest topic,
      Optional<Integer> likeInput,
      Optional<Short> defaultReplicas,
      String text) {
    if (backend.topicExists(topic.name())) {
      int existing = backend.partitions(topic.name());
      if (topic.partitions().isPresent() && topic.partitions().getAsInt() != existing) {
        throw rejected(
            topic.position()
                + "Topic '"
                + topic.name()
                + "' already exists with "
                + existing
                + " partition(s), but the statement asks for "
                + topic.partitions().getAsInt()
                + ". Leave PARTITIONS out "
                + "to use the topic as it is, or name another topic in KAFKA_TOPIC.",
            text);
      }
      return;
    }
    Optional<Integer> partitions =
        topic.partitions().isPresent() ? Optional.of(topic.partitions().getAsInt()) : likeInput;
    if (partitions.isEmpty() && !createsMissingTopics) {
      throw rejected(
          topic.position()
              + "Topic '"
              + topic.name()
              + "' does not exist. To create it, give the "
              + "statement its partition count in the WITH clause: PARTITIONS (and optionally REPLICAS), for example "
              + "WITH (KAFKA_TOPIC='"
              + topic.name()
              + "', PARTITIONS=2, VALUE_FORMAT='JSON').",
          text);
    }
    int count = partitions.orElse(1);
    Optional<Short> replicas =
        topic.replicas().isPresent()
            ? Optional.of((short) topic.replicas().getAsInt())
            : defaultReplicas;
    if (createsMissingTopics && topic.partitions().isPresent()) {
      sizedOffline.add(topic.name());
    }
    try {
      backend.createTopic(topic.name(), count, replicas);
    } catch (EngineException refused) {
      throw new EngineException(
          refused.errorCode(), topic.position() + refused.getMessage(), text, List.of(), refused);
    }
  }

  /**
   * Checks a persistent query's inputs before it is logged: each source topic exists, and the
   * topics one task reads together (the sides of a join on their keys) have the same partition
   * count. A side that is re-keyed before the join passes a repartition topic, which is created to
   * match, so only sides read as they are must agree.
   */
  void checkInputs(
      PlannedStatement.PersistentQuery query, Catalog catalog, NodeLocation at, String text) {
    query.links().sources().stream()
        .sorted()
        .map(catalog::source)
        .flatMap(Optional::stream)
        .forEach(source -> requireTopic(source, at, text));
    if (query.sinkChange().isEmpty()) {
      requireTopic(query.sink(), at, text);
    }
    for (List<String> group : topologies.build(query.plan()).coPartitionedSourceTopics()) {
      List<String> existing =
          group.stream()
              .filter(backend::topicExists)
              .filter(topic -> !createsMissingTopics || sizedOffline.contains(topic))
              .toList();
      Optional<String> other =
          existing.stream()
              .filter(topic -> backend.partitions(topic) != backend.partitions(existing.get(0)))
              .findFirst();
      if (other.isPresent()) {
        throw rejected(
            position(at)
                + "Cannot join "
                + describe(existing.get(0), query, catalog)
                + " with "
                + describe(other.get(), query, catalog)
                + ": the sides of a join on "
                + "their keys must have the same number of partitions, so that the records of one key meet in one task. "
                + "Copy one side into a topic with the other's partition count (CREATE STREAM|TABLE ... WITH "
                + "(PARTITIONS=...) AS SELECT * FROM ...) and join the copy.",
            text);
      }
    }
  }

  /**
   * Fails unless the topic of {@code source}, which the statement at {@code at} reads or writes,
   * exists.
   */
  void requireTopic(DataSource source, NodeLocation at, String text) {
    if (!createsMissingTopics && !backend.topicExists(source.topic())) {
      String name = "`" + source.name() + "`";
      throw rejected(
          position(at)
              + "Topic '"
              + source.topic()
              + "' of "
              + name
              + " does not exist: it was deleted after "
              + name
              + " was created. Re-create the topic, or drop "
              + name
              + ".",
          text);
    }
  }

  /**
   * The sources of the query over the topic, with its partition count: {@code `T3` (2 partitions)}.
   */
  private String describe(String topic, PlannedStatement.PersistentQuery query, Catalog catalog) {
    String names =
        query.links().sources().stream()
            .filter(s -> catalog.source(s).map(DataSource::topic).orElse("").equals(topic))
            .sorted()
            .map(s -> "`" + s + "`")
            .collect(Collectors.joining(", "));
    int partitions = backend.partitions(topic);
    return (names.isEmpty() ? "topic '" + topic + "'" : names)
        + " ("
        + partitions
        + " partition"
        + (partitions == 1 ? "" : "s")
        + ")";
  }

  private static String position(NodeLocation at) {
    return at.isKnown() ? at.describe() + ": " : "";
  }

  private static EngineException rejected(String message, String text) {
    return new EngineException(ErrorCode.BAD_STATEMENT, message, text);
  }
}
