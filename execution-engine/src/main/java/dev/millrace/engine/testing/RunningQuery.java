package dev.millrace.engine.testing;

import dev.millrace.engine.operator.OutputRecord;
import dev.millrace.engine.operator.Pipeline;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.operator.StepCounters;
import dev.millrace.engine.operator.StepCounts;
import dev.millrace.engine.operator.SubTopology;
import dev.millrace.engine.operator.TaskEnvironment;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.state.InMemoryKeyValueStore;
import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query running on the test driver: one task (one {@link Pipeline}) per sub-topology, reading
 * every partition, as Kafka Streams' TopologyTestDriver runs them; in-memory stores; internal
 * topics named {@code <query id>-<topic>} so that queries sharing the driver never share them.
 */
final class RunningQuery implements TaskEnvironment {
  private final String id;
  private final TestDriver driver;
  private final Map<String, String> internalTopics = new HashMap<>();
  private final Map<String, KeyValueStore> stores = new LinkedHashMap<>();
  private final Map<String, List<Reader>> readers = new LinkedHashMap<>();
  private final List<Pipeline> pipelines = new ArrayList<>();
  private final StepCounters steps;

  RunningQuery(String id, Topology topology, TestDriver driver) {
    this(id, topology, driver, Map.of());
  }

  /** A query whose stores of the names in {@code inherited} start as those stores (an upgrade). */
  RunningQuery(
      String id, Topology topology, TestDriver driver, Map<String, KeyValueStore> inherited) {
    this.id = id;
    this.driver = driver;
    this.steps = new StepCounters(topology.steps());
    topology.repartitionTopics().forEach(t -> internalTopics.put(t, id + "-" + t));
    topology
        .stores()
        .forEach(s -> stores.put(s, inherited.getOrDefault(s, new InMemoryKeyValueStore(s))));
    for (SubTopology sub : topology.subTopologies()) {
      Pipeline pipeline = sub.newPipeline();
      pipelines.add(pipeline);
      for (String topic : sub.inputTopics()) {
        readers
            .computeIfAbsent(driverTopic(topic), t -> new ArrayList<>())
            .add(new Reader(pipeline, topic));
      }
    }
    pipelines.forEach(p -> p.init(this));
  }

  String id() {
    return id;
  }

  /** The driver's name for a topic the plan names (internal topics get the query id in front). */
  String driverTopic(String planTopic) {
    return internalTopics.getOrDefault(planTopic, planTopic);
  }

  boolean reads(String topic) {
    return readers.containsKey(topic);
  }

  void deliver(TestRecord record) {
    for (Reader reader : readers.getOrDefault(record.topic(), List.of())) {
      reader.pipeline().process(record.asInput(reader.planTopic()));
    }
  }

  /** Stops processing and hands over the stores, open, to the query that replaces this one. */
  Map<String, KeyValueStore> detachStores() {
    pipelines.forEach(Pipeline::close);
    return Map.copyOf(stores);
  }

  void close() {
    pipelines.forEach(Pipeline::close);
    stores.values().forEach(KeyValueStore::close);
  }

  @Override
  public KeyValueStore store(String name) {
    KeyValueStore store = stores.get(name);
    if (store == null) {
      throw new IllegalStateException("query " + id + " has no store " + name);
    }
    return store;
  }

  @Override
  public int partition() {
    return 0;
  }

  @Override
  public void send(OutputRecord record) {
    driver.write(driverTopic(record.topic()), record.key(), record.value(), record.timestamp());
  }

  List<StepCounts> stepCounts() {
    return steps.snapshot();
  }

  /** The bytes of the keys and values each store holds, by store name. */
  Map<String, Long> storeBytes() {
    Map<String, Long> bytes = new LinkedHashMap<>();
    stores.forEach(
        (name, store) -> {
          long[] total = {0};
          store.range(null, null, (key, value) -> total[0] += key.length + value.length);
          bytes.put(name, total[0]);
        });
    return bytes;
  }

  @Override
  public StepCounters stepCounters() {
    return steps;
  }

  @Override
  public void report(ProcessingError error) {
    driver.log(id, error);
  }

  private record Reader(Pipeline pipeline, String planTopic) {}
}
