package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.InputRecord;
import dev.millrace.engine.operator.OutputRecord;
import dev.millrace.engine.operator.Pipeline;
import dev.millrace.engine.operator.ProcessingError;
import dev.millrace.engine.operator.StepCounters;
import dev.millrace.engine.operator.SubTopology;
import dev.millrace.engine.operator.TaskEnvironment;
import dev.millrace.engine.operator.Topology;
import dev.millrace.engine.state.InMemoryKeyValueStore;
import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole topology in one process, for a transient query that reads every partition itself: one
 * pipeline per sub-topology with in-memory stores, and repartition topics replaced by a hand-off
 * queue — with a single reader of all partitions every key already meets in one task.
 */
final class LocalTopology implements AutoCloseable {
  private final Map<String, List<Pipeline>> readers = new HashMap<>();
  private final List<Pipeline> pipelines = new ArrayList<>();
  private final List<KeyValueStore> stores = new ArrayList<>();
  private final Deque<InputRecord> handOff = new ArrayDeque<>();
  private final String sinkTopic;
  private final Consumer<OutputRecord> sink;
  private final Consumer<ProcessingError> errors;
  private final StepCounters steps;
  private long handOffOffset;

  /**
   * Records written to {@code sinkTopic} go to {@code sink}; processing errors to {@code errors}.
   */
  LocalTopology(
      Topology topology,
      String sinkTopic,
      Consumer<OutputRecord> sink,
      Consumer<ProcessingError> errors) {
    this.sinkTopic = sinkTopic;
    this.sink = sink;
    this.errors = errors;
    this.steps = new StepCounters(topology.steps());
    for (SubTopology subTopology : topology.subTopologies()) {
      Pipeline pipeline = subTopology.newPipeline();
      pipelines.add(pipeline);
      subTopology
          .inputTopics()
          .forEach(topic -> readers.computeIfAbsent(topic, t -> new ArrayList<>()).add(pipeline));
      pipeline.init(new Environment(subTopology.stores()));
    }
  }

  /** Processes one record read from a source topic, and everything it causes downstream. */
  void process(InputRecord record) {
    deliver(record);
    while (!handOff.isEmpty()) {
      deliver(handOff.poll());
    }
  }

  private void deliver(InputRecord record) {
    for (Pipeline pipeline : readers.getOrDefault(record.topic(), List.of())) {
      pipeline.process(record);
    }
  }

  @Override
  public void close() {
    pipelines.forEach(Pipeline::close);
    stores.forEach(KeyValueStore::close);
  }

  /** The stores of one sub-topology, and where its output goes. */
  private final class Environment implements TaskEnvironment {
    private final Map<String, KeyValueStore> ownStores = new HashMap<>();

    Environment(List<String> storeNames) {
      for (String name : storeNames) {
        KeyValueStore store = new InMemoryKeyValueStore(name);
        ownStores.put(name, store);
        stores.add(store);
      }
    }

    @Override
    public KeyValueStore store(String name) {
      return ownStores.get(name);
    }

    @Override
    public int partition() {
      return 0;
    }

    @Override
    public void send(OutputRecord record) {
      if (record.topic().equals(sinkTopic)) {
        sink.accept(record);
      } else {
        handOff.add(
            new InputRecord(
                record.topic(),
                0,
                handOffOffset++,
                record.key(),
                record.value(),
                record.timestamp(),
                List.of()));
      }
    }

    @Override
    public StepCounters stepCounters() {
      return steps;
    }

    @Override
    public void report(ProcessingError error) {
      errors.accept(error);
    }
  }
}
