package dev.millrace.engine.operator;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A connected part of a query's topology, read from its input topics (source topics and internal
 * repartition topics) and writing to its output topics (sinks and repartition topics). A plan
 * splits into sub-topologies where a key changes, as Kafka Streams' topologies do: records then
 * cross a repartition topic so that each key's records reach one task. A runtime runs one task per
 * input partition of each sub-topology, each task with its own {@link Pipeline} and its own stores.
 */
public final class SubTopology {
  private final int id;
  private final List<Chain> chains;
  private final List<String> stores;
  private final List<String> outputTopics;
  private final List<String> tableTopics;
  private final List<String> lookupStores;

  SubTopology(
      int id,
      List<Chain> chains,
      List<String> stores,
      List<String> outputTopics,
      List<String> tableTopics,
      List<String> lookupStores) {
    this.id = id;
    this.chains = List.copyOf(chains);
    this.stores = List.copyOf(stores);
    this.outputTopics = List.copyOf(outputTopics);
    this.tableTopics = List.copyOf(tableTopics);
    this.lookupStores = List.copyOf(lookupStores);
  }

  /** The position of this sub-topology in its topology, from 0; stable for a given plan. */
  public int id() {
    return id;
  }

  /** The topics this sub-topology reads, without duplicates, in a stable order. */
  public List<String> inputTopics() {
    return List.copyOf(new LinkedHashSet<>(chains.stream().map(Chain::topic).toList()));
  }

  /**
   * The input topics read as tables. A runtime hands their records to a task before other inputs'
   * records with the same timestamp, so a stream record sees every table update up to its time.
   */
  public List<String> tableTopics() {
    return tableTopics;
  }

  /** The names of the state stores each task of this sub-topology needs. */
  public List<String> stores() {
    return stores;
  }

  /**
   * The stores of tables that a stream-table join looks a row up in for every stream record: a
   * runtime whose stores are slow to read keeps the rows read most recently in memory.
   */
  public List<String> lookupStores() {
    return lookupStores;
  }

  /** The topics this sub-topology writes. */
  public List<String> outputTopics() {
    return outputTopics;
  }

  /** New operators for one task; call {@link Pipeline#init} before feeding it records. */
  public Pipeline newPipeline() {
    return new Pipeline(chains);
  }

  @Override
  public String toString() {
    return "SubTopology-" + id + inputTopics() + "->" + outputTopics + " stores " + stores;
  }
}
