package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.SubTopology;
import dev.millrace.engine.operator.Topology;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partition counts of a query's topics: source topics have theirs; a repartition topic gets
 * that of the sub-topology writing it, and a store's changelog that of the sub-topology owning it
 * (one changelog partition per task). A sub-topology whose inputs disagree cannot be co-partitioned,
 * and one holding a foreign-key join needs inputs of one partition.
 */
final class TopicLayout {
  private final Map<String, Integer> planTopicPartitions = new HashMap<>();
  private final Map<String, Integer> storePartitions = new LinkedHashMap<>();

  /** @param sourcePartitions the partition count of each source topic, by its name */
  TopicLayout(Topology topology, Map<String, Integer> sourcePartitions) {
    planTopicPartitions.putAll(sourcePartitions);
    // A repartition topic's writer may itself read a repartition topic: resolve until nothing changes.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SubTopology subTopology : topology.subTopologies()) {
        Integer partitions = inputPartitions(subTopology);
        if (partitions == null) {
          continue;
        }
        if (subTopology.onePartition() && partitions > 1) {
          throw new QueryStartException("a foreign-key join reads both tables in one task, so their topics must "
              + "have one partition: " + describe(subTopology.inputTopics()));
        }
        for (String output : subTopology.outputTopics()) {
          if (topology.repartitionTopics().contains(output) && !planTopicPartitions.containsKey(output)) {
            planTopicPartitions.put(output, partitions);
            changed = true;
          }
        }
        for (String store : subTopology.stores()) {
          storePartitions.put(store, partitions);
        }
      }
    }
  }

  private Integer inputPartitions(SubTopology subTopology) {
    Integer count = null;
    for (String input : subTopology.inputTopics()) {
      Integer partitions = planTopicPartitions.get(input);
      if (partitions == null) {
        return null;
      }
      if (count != null && !count.equals(partitions)) {
        throw new QueryStartException("cannot co-partition the inputs of one task: "
            + describe(subTopology.inputTopics()) + " must have the same number of partitions");
      }
      count = partitions;
    }
    return count;
  }

  private String describe(List<String> topics) {
    StringBuilder text = new StringBuilder();
    for (String topic : topics) {
      text.append(text.length() == 0 ? "" : ", ").append(topic).append(" (")
          .append(planTopicPartitions.get(topic)).append(" partitions)");
    }
    return text.toString();
  }

  /** The partition count of a topic the plan names (source or repartition). */
  int partitions(String planTopic) {
    return planTopicPartitions.get(planTopic);
  }

  /** The partition count of each store's changelog. */
  Map<String, Integer> storePartitions() {
    return storePartitions;
  }
}
