package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.SubTopology;
import dev.millrace.engine.operator.Topology;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partition counts of a query's topics and tasks, as Kafka Streams sets them. A sub-topology
 * runs one task per partition of its source topics, which must therefore agree; one that reads only
 * repartition topics runs as many tasks as the widest sub-topology writing them. A repartition
 * topic gets the task count of the sub-topology reading it, so that a re-keyed stream joins a table
 * of any partition count; a store's changelog gets that of the sub-topology owning it (one
 * changelog partition per task).
 */
final class TopicLayout {
  private final Map<String, Integer> sourcePartitions;
  private final Map<SubTopology, Integer> tasks = new HashMap<>();
  private final Map<String, Integer> repartitionPartitions = new HashMap<>();
  private final Map<String, Integer> storePartitions = new LinkedHashMap<>();

  /**
   * @param sourcePartitions the partition count of each source topic, by its name
   */
  TopicLayout(Topology topology, Map<String, Integer> sourcePartitions) {
    this.sourcePartitions = Map.copyOf(sourcePartitions);
    // A sub-topology reading only repartition topics needs its writers' counts first: resolve until
    // nothing changes.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SubTopology subTopology : topology.subTopologies()) {
        if (!tasks.containsKey(subTopology)) {
          Integer count = taskCount(topology, subTopology);
          if (count != null) {
            tasks.put(subTopology, count);
            changed = true;
          }
        }
      }
    }
    for (SubTopology subTopology : topology.subTopologies()) {
      int count = tasks.get(subTopology);
      subTopology.inputTopics().stream()
          .filter(topology.repartitionTopics()::contains)
          .forEach(topic -> repartitionPartitions.putIfAbsent(topic, count));
      subTopology.stores().forEach(store -> storePartitions.put(store, count));
    }
  }

  private Integer taskCount(Topology topology, SubTopology subTopology) {
    List<String> sources =
        subTopology.inputTopics().stream()
            .filter(topic -> !topology.repartitionTopics().contains(topic))
            .toList();
    if (!sources.isEmpty()) {
      return sourceCount(sources);
    }
    int widest = 0;
    for (String topic : subTopology.inputTopics()) {
      SubTopology writer =
          topology.subTopologies().stream()
              .filter(s -> s.outputTopics().contains(topic))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no sub-topology writes " + topic));
      Integer count = tasks.get(writer);
      if (count == null) {
        return null;
      }
      widest = Math.max(widest, count);
    }
    return widest;
  }

  private int sourceCount(List<String> sources) {
    Integer count = null;
    for (String topic : sources) {
      Integer partitions = sourcePartitions.get(topic);
      if (partitions == null) {
        throw new QueryStartException("source topic '" + topic + "' does not exist");
      }
      if (count != null && !count.equals(partitions)) {
        throw new TopicLayoutException(
            "cannot co-partition the inputs of one task: "
                + describe(sources)
                + " must have the same number of partitions");
      }
      count = partitions;
    }
    return count;
  }

  private String describe(List<String> topics) {
    StringBuilder text = new StringBuilder();
    for (String topic : topics) {
      text.append(text.length() == 0 ? "" : ", ")
          .append(topic)
          .append(" (")
          .append(sourcePartitions.get(topic))
          .append(" partitions)");
    }
    return text.toString();
  }

  /** The partition count of a topic the plan names (source or repartition). */
  int partitions(String planTopic) {
    Integer repartition = repartitionPartitions.get(planTopic);
    return repartition != null ? repartition : sourcePartitions.get(planTopic);
  }

  /** The partition count of each store's changelog. */
  Map<String, Integer> storePartitions() {
    return storePartitions;
  }
}
