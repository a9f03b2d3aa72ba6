package dev.millrace.engine.operator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A query's plan wired into operators, split into {@link SubTopology sub-topologies}. It tells a
 * runtime which external topics to read ({@link #sourceTopics}), which internal topics to create
 * ({@link #repartitionTopics}, read and written by the query itself), which topics it writes
 * ({@link #sinkTopics}), and which state stores exist.
 */
public final class Topology {
  private final List<SubTopology> subTopologies;
  private final List<String> repartitionTopics;

  Topology(List<SubTopology> subTopologies, List<String> repartitionTopics) {
    this.subTopologies = List.copyOf(subTopologies);
    this.repartitionTopics = List.copyOf(repartitionTopics);
  }

  public List<SubTopology> subTopologies() {
    return subTopologies;
  }

  /** The topics the query reads that it does not write itself. */
  public List<String> sourceTopics() {
    Set<String> topics = new LinkedHashSet<>();
    subTopologies.forEach(s -> topics.addAll(s.inputTopics()));
    topics.removeAll(repartitionTopics);
    return List.copyOf(topics);
  }

  /**
   * The source topics each sub-topology reads, for the sub-topologies that read more than one: a
   * task reads the same partition of each of them, so the topics of a group must have the same
   * partition count. Repartition topics need no such check: they are created to match.
   */
  public List<List<String>> coPartitionedSourceTopics() {
    List<List<String>> groups = new ArrayList<>();
    for (SubTopology subTopology : subTopologies) {
      List<String> sources = sources(subTopology);
      if (sources.size() > 1) {
        groups.add(sources);
      }
    }
    return groups;
  }

  private List<String> sources(SubTopology subTopology) {
    List<String> sources = new ArrayList<>(subTopology.inputTopics());
    sources.removeAll(repartitionTopics);
    return List.copyOf(sources);
  }

  /** The internal topics records cross when their key changes. */
  public List<String> repartitionTopics() {
    return repartitionTopics;
  }

  /** The topics the query's sinks write. */
  public List<String> sinkTopics() {
    Set<String> topics = new LinkedHashSet<>();
    subTopologies.forEach(s -> topics.addAll(s.outputTopics()));
    topics.removeAll(repartitionTopics);
    return List.copyOf(topics);
  }

  /** Every state store of the query (each sub-topology's task has its own copy of its stores). */
  public List<String> stores() {
    Set<String> stores = new LinkedHashSet<>();
    subTopologies.forEach(s -> stores.addAll(s.stores()));
    return List.copyOf(stores);
  }

  @Override
  public String toString() {
    return "Topology" + subTopologies;
  }
}
