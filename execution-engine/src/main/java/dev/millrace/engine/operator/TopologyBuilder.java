package dev.millrace.engine.operator;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.KeyLayout;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.TopicKeyFormat;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wires a physical plan into a {@link Topology}. It walks the plan from its sink down to its
 * sources, collecting for each sub-topology the chains of operator factories from each input topic,
 * and starts a new sub-topology below every re-keying step (StreamSelectKey, StreamGroupBy,
 * TableGroupBy, TableRepartition), whose rows cross that step's repartition topic, and for the
 * right input of a foreign-key join, which talks with the left input's sub-topology through two
 * internal topics. Every pipeline it makes is built once here, so that a plan the engine cannot run
 * (an unknown function, an unsupported format) fails now, not in a task.
 */
public final class TopologyBuilder {
  private final OperatorFactories factories;
  private final TableJoinFactories tableJoins;
  private final ForeignKeyJoinFactories foreignKeyJoins;

  /** A builder for plans without registry formats (AVRO, JSON_SR, PROTOBUF are refused). */
  public TopologyBuilder(FunctionRegistry functions) {
    this(functions, UnconfiguredSchemaRegistry.INSTANCE);
  }

  /**
   * {@code registry} holds the schemas of the plan's registry formats (AVRO, JSON_SR, PROTOBUF).
   */
  public TopologyBuilder(FunctionRegistry functions, SchemaRegistry registry) {
    this.factories = new OperatorFactories(functions, registry);
    this.tableJoins = new TableJoinFactories(functions);
    this.foreignKeyJoins = new ForeignKeyJoinFactories(functions, factories);
  }

  /** The topology of the plan rooted at {@code root} (a sink). */
  public Topology build(PlanStep root) {
    Walk walk = new Walk(PlanSteps.preOrder(root));
    walk.visit(root, new ArrayList<>(), walk.newSubTopology(), false, null);
    List<SubTopology> subTopologies = new ArrayList<>();
    for (Part part : walk.parts) {
      SubTopology sub =
          new SubTopology(
              subTopologies.size(),
              part.chains,
              List.copyOf(part.stores),
              List.copyOf(part.outputs),
              List.copyOf(part.tableTopics),
              List.copyOf(part.lookupStores));
      sub.newPipeline();
      subTopologies.add(sub);
    }
    return new Topology(subTopologies, walk.repartitionTopics, walk.numbers.size());
  }

  /** What is known of one sub-topology while walking. */
  private static final class Part {
    final List<Chain> chains = new ArrayList<>();
    final Set<String> stores = new LinkedHashSet<>();
    final Set<String> outputs = new LinkedHashSet<>();
    final Set<String> tableTopics = new LinkedHashSet<>();
    final Set<String> lookupStores = new LinkedHashSet<>();
  }

  private final class Walk {
    final List<Part> parts = new ArrayList<>();
    final List<String> repartitionTopics = new ArrayList<>();

    /** Each step's number; by identity, as two steps of a plan may be equal (a self-join). */
    final Map<PlanStep, Integer> numbers = new IdentityHashMap<>();

    int joins;

    /** The number of the step being wired; -1 above the sink. */
    int current = -1;

    Walk(List<PlanStep> steps) {
      for (int i = 0; i < steps.size(); i++) {
        numbers.put(steps.get(i), i);
      }
    }

    Part newSubTopology() {
      Part part = new Part();
      parts.add(part);
      return part;
    }

    /**
     * Visits {@code step}, whose rows flow into {@code downstream} (the factories after it, nearest
     * first). {@code oldNeeded}: a table filter downstream needs each change's previous row. {@code
     * joinKeyLayout}: a stream-table join downstream needs re-keyed rows to be keyed as the table's
     * topic is, so that the repartition topic is co-partitioned with it.
     */
    void visit(
        PlanStep step,
        List<OperatorFactory> downstream,
        Part part,
        boolean oldNeeded,
        KeyLayout joinKeyLayout) {
      int parent = current;
      current = numbers.get(step);
      // Rows that leave this step pass a tap into the step that reads them (none above the sink).
      List<OperatorFactory> tapped =
          parent < 0 ? downstream : prepend(new StepTap(current, parent), downstream);
      step.accept(new Wiring(tapped, part, oldNeeded, joinKeyLayout));
      current = parent;
    }

    /** Wires one step, whose rows flow into {@code downstream}, as {@link #visit} describes. */
    private final class Wiring implements PlanStep.Visitor<Void> {
      private final List<OperatorFactory> downstream;
      private final Part part;
      private final boolean oldNeeded;
      private final KeyLayout joinKeyLayout;

      Wiring(
          List<OperatorFactory> downstream, Part part, boolean oldNeeded, KeyLayout joinKeyLayout) {
        this.downstream = downstream;
        this.part = part;
        this.oldNeeded = oldNeeded;
        this.joinKeyLayout = joinKeyLayout;
      }

      @Override
      public Void streamSource(PlanStep.StreamSource s) {
        part.chains.add(
            new Chain(s.topic(), () -> factories.streamSource(s), downstream, current, true));
        return null;
      }

      @Override
      public Void tableSource(PlanStep.TableSource s) {
        part.stores.add(s.storeName());
        part.tableTopics.add(s.topic());
        part.chains.add(
            new Chain(
                s.topic(),
                () -> factories.tableSource(s),
                prepend(factories.tableSourceStore(s), downstream),
                current,
                true));
        return null;
      }

      @Override
      public Void streamFilter(PlanStep.StreamFilter s) {
        visit(
            s.source(), prepend(factories.streamFilter(s), downstream), part, false, joinKeyLayout);
        return null;
      }

      @Override
      public Void streamFlatMap(PlanStep.StreamFlatMap s) {
        visit(
            s.source(),
            prepend(factories.streamFlatMap(s), downstream),
            part,
            false,
            joinKeyLayout);
        return null;
      }

      @Override
      public Void tableFilter(PlanStep.TableFilter s) {
        visit(s.source(), prepend(factories.tableFilter(s), downstream), part, true, null);
        return null;
      }

      @Override
      public Void streamSelect(PlanStep.StreamSelect s) {
        visit(
            s.source(),
            prepend(factories.select(s.values(), s.schema(), false), downstream),
            part,
            false,
            joinKeyLayout);
        return null;
      }

      @Override
      public Void tableSelect(PlanStep.TableSelect s) {
        visit(
            s.source(),
            prepend(factories.select(s.values(), s.schema(), oldNeeded), downstream),
            part,
            oldNeeded,
            null);
        return null;
      }

      @Override
      public Void streamSelectKey(PlanStep.StreamSelectKey s) {
        repartition(
            s,
            s.source(),
            s.keys(),
            s.repartitionTopic(),
            false,
            s.window(),
            downstream,
            part,
            joinKeyLayout);
        return null;
      }

      @Override
      public Void streamGroupBy(PlanStep.StreamGroupBy s) {
        repartition(
            s,
            s.source(),
            s.keys(),
            s.repartitionTopic(),
            true,
            Optional.empty(),
            downstream,
            part,
            null);
        return null;
      }

      @Override
      public Void streamAggregate(PlanStep.StreamAggregate s) {
        part.stores.add(s.storeName());
        visit(
            s.source(),
            prepend(factories.aggregate(s, oldNeeded), prepend(RecordCache::new, downstream)),
            part,
            false,
            null);
        return null;
      }

      @Override
      public Void tableSuppress(PlanStep.TableSuppress s) {
        part.stores.add(s.storeName());
        visit(s.source(), prepend(factories.suppress(s), downstream), part, false, null);
        return null;
      }

      @Override
      public Void tableGroupBy(PlanStep.TableGroupBy s) {
        groupTable(s, downstream, part);
        return null;
      }

      @Override
      public Void tableAggregate(PlanStep.TableAggregate s) {
        part.stores.add(s.storeName());
        visit(
            s.source(),
            prepend(factories.tableAggregate(s, oldNeeded), prepend(RecordCache::new, downstream)),
            part,
            false,
            null);
        return null;
      }

      @Override
      public Void streamTableJoin(PlanStep.StreamTableJoin s) {
        join(s, downstream, part);
        return null;
      }

      @Override
      public Void streamStreamJoin(PlanStep.StreamStreamJoin s) {
        Walk.this.streamStreamJoin(s, downstream, part);
        return null;
      }

      @Override
      public Void tableTableJoin(PlanStep.TableTableJoin s) {
        TableJoinFactories.Inputs inputs =
            tableJoins.primaryKey(s, joinStore(s.left(), part), joinStore(s.right(), part));
        tableJoin(s, inputs, downstream, part);
        return null;
      }

      @Override
      public Void foreignKeyTableJoin(PlanStep.ForeignKeyTableJoin s) {
        Walk.this.foreignKeyJoin(s, downstream, part);
        return null;
      }

      @Override
      public Void tableRepartition(PlanStep.TableRepartition s) {
        Walk.this.tableRepartition(s, downstream, part);
        return null;
      }

      @Override
      public Void streamSink(PlanStep.StreamSink s) {
        sink(s.source(), s.topic(), s.formats(), s.timestampColumn(), s.timestampFormat(), s);
        return null;
      }

      @Override
      public Void tableSink(PlanStep.TableSink s) {
        sink(s.source(), s.topic(), s.formats(), s.timestampColumn(), s.timestampFormat(), s);
        return null;
      }

      /**
       * Whoever runs a push query gives its plan a topic sink in place of the transient one first,
       * so that the rows delivered are exactly what a topic would hold.
       */
      @Override
      public Void transientSink(PlanStep.TransientSink s) {
        throw new IllegalArgumentException(
            "a transient sink is delivered by its runtime, not built into a topology");
      }

      private void sink(
          PlanStep source,
          String topic,
          Formats formats,
          Optional<String> timestampColumn,
          Optional<String> timestampFormat,
          PlanStep sink) {
        part.outputs.add(topic);
        visit(
            source,
            List.of(
                factories.sink(topic, formats, timestampColumn, timestampFormat, sink.schema())),
            part,
            false,
            null);
      }
    }

    private void repartition(
        PlanStep step,
        PlanStep source,
        List<Expr> keys,
        String topic,
        boolean groupBy,
        Optional<WindowInfo> window,
        List<OperatorFactory> downstream,
        Part part,
        KeyLayout joinKeyLayout) {
      OperatorFactory selectKey =
          factories.selectKey(keys, source.schema(), step.schema(), groupBy, window.isPresent());
      if (topic.isEmpty()) {
        // Already partitioned by the new key, or headed straight for a sink that partitions by it.
        visit(source, prepend(selectKey, downstream), part, false, null);
        return;
      }
      repartitionTopics.add(topic);
      part.chains.add(
          new Chain(
              topic,
              () -> factories.repartitionSource(topic, step.schema(), joinKeyLayout, window),
              downstream,
              current,
              false));
      Part upstream = newSubTopology();
      upstream.outputs.add(topic);
      List<OperatorFactory> chain =
          List.of(
              selectKey, factories.repartitionSink(topic, step.schema(), joinKeyLayout, window));
      visit(source, chain, upstream, false, null);
    }

    /**
     * Both sides of a stream-stream join feed one downstream through a {@link Junction}. Each side
     * reaches the join keyed alike (the planner repartitions a side whose key is not the join key);
     * a repartitioned side writes its keys in the other side's topic key format, so that equal keys
     * land in partitions of the same number.
     */
    private void streamStreamJoin(
        PlanStep.StreamStreamJoin join, List<OperatorFactory> downstream, Part part) {
      part.stores.add(join.storeName());
      List<OperatorFactory> merged = prepend(new Junction(), downstream);
      visit(
          join.left(),
          prepend(factories.streamStreamJoin(join, JoinSide.LEFT), merged),
          part,
          false,
          TopicKeyFormat.layout(join.right()).orElse(null));
      visit(
          join.right(),
          prepend(factories.streamStreamJoin(join, JoinSide.RIGHT), merged),
          part,
          false,
          TopicKeyFormat.layout(join.left()).orElse(null));
    }

    /**
     * As {@link #repartition}, for a table's changes: their old rows cross the topic with the new.
     */
    private void groupTable(
        PlanStep.TableGroupBy step, List<OperatorFactory> downstream, Part part) {
      if (step.repartitionTopic().isEmpty()) {
        visit(step.source(), prepend(factories.tableGroupBy(step), downstream), part, true, null);
        return;
      }
      repartitionTopics.add(step.repartitionTopic());
      part.chains.add(
          new Chain(
              step.repartitionTopic(),
              () -> factories.changeSource(step.schema()),
              downstream,
              current,
              false));
      Part upstream = newSubTopology();
      upstream.outputs.add(step.repartitionTopic());
      visit(
          step.source(),
          List.of(
              factories.tableGroupBy(step),
              factories.changeSink(step.repartitionTopic(), step.schema())),
          upstream,
          true,
          null);
    }

    private void join(PlanStep.StreamTableJoin join, List<OperatorFactory> downstream, Part part) {
      if (join.type() != JoinType.INNER && join.type() != JoinType.LEFT) {
        throw new IllegalArgumentException(
            "a stream-table join is INNER or LEFT, not " + join.type());
      }
      String store;
      List<OperatorFactory> tableEnd;
      if (join.right() instanceof PlanStep.TableSource source) {
        store = source.storeName();
        tableEnd = List.of();
      } else {
        store = "JoinTable-" + joins;
        tableEnd = List.of(factories.materializer(store, join.right().schema()));
        part.stores.add(store);
      }
      joins++;
      part.lookupStores.add(store);
      visit(
          join.left(),
          prepend(factories.streamTableJoin(join, store), downstream),
          part,
          false,
          TopicKeyFormat.layout(join.right()).orElse(null));
      visit(join.right(), tableEnd, part, false, null);
    }

    /** A table's changes cross the repartition topic and are stored again on the reading side. */
    private void tableRepartition(
        PlanStep.TableRepartition step, List<OperatorFactory> downstream, Part part) {
      repartitionTopics.add(step.repartitionTopic());
      part.stores.add(step.storeName());
      part.tableTopics.add(step.repartitionTopic());
      part.chains.add(
          new Chain(
              step.repartitionTopic(),
              () -> factories.tableRepartitionSource(step),
              prepend(factories.tableRepartitionStore(step), downstream),
              current,
              false));
      Part upstream = newSubTopology();
      upstream.outputs.add(step.repartitionTopic());
      visit(
          step.source(),
          List.of(
              factories.repartitionSink(
                  step.repartitionTopic(), step.schema(), TopicKeyFormat.layout(step).get())),
          upstream,
          false,
          null);
    }

    /**
     * The store of a table-table join's input: a table source's own store, else one the join keeps.
     * Inputs need their previous rows, so that the join can retract what it emitted before.
     */
    private TableJoinFactories.Store joinStore(PlanStep input, Part part) {
      if (input instanceof PlanStep.TableSource source) {
        return new TableJoinFactories.Store(source.storeName(), false);
      }
      if (input instanceof PlanStep.TableRepartition repartition) {
        return new TableJoinFactories.Store(repartition.storeName(), false);
      }
      String store = "JoinTable-" + joins++;
      part.stores.add(store);
      return new TableJoinFactories.Store(store, true);
    }

    /**
     * A foreign-key join runs in two sub-topologies: the left input's, which this join's downstream
     * belongs to, and a new one for the right input. They talk through two internal topics, named
     * after the join's position in the plan as its stores are: subscriptions from left to right
     * (partitioned like the right input) and responses back (as many partitions as the left
     * input's).
     */
    private void foreignKeyJoin(
        PlanStep.ForeignKeyTableJoin join, List<OperatorFactory> downstream, Part left) {
      String name = "ForeignKeyJoin-" + joins++;
      ForeignKeyJoinFactories.Names names =
          new ForeignKeyJoinFactories.Names(
              name + "-subscription",
              name + "-response",
              name + "-subscriptions",
              name + "-results");
      Part right = newSubTopology();
      ForeignKeyJoinFactories.Parts parts =
          foreignKeyJoins.parts(
              join, joinStore(join.left(), left), joinStore(join.right(), right), names);
      repartitionTopics.add(names.subscriptionTopic());
      repartitionTopics.add(names.responseTopic());
      left.stores.add(names.resultStore());
      left.outputs.add(names.subscriptionTopic());
      right.stores.add(names.subscriptionStore());
      right.outputs.add(names.responseTopic());
      List<OperatorFactory> merged = prepend(new Junction(), downstream);
      visit(join.left(), prepend(parts.leftChanges(), merged), left, true, null);
      left.chains.add(
          new Chain(
              names.responseTopic(),
              parts.responses(),
              prepend(parts.responseJoin(), merged),
              current,
              false));
      visit(join.right(), List.of(parts.rightChanges()), right, true, null);
      right.chains.add(
          new Chain(
              names.subscriptionTopic(),
              parts.subscriptions(),
              List.of(parts.subscriptionJoin()),
              current,
              false));
    }

    /**
     * Both inputs of a table-table join feed one downstream through a {@link Junction}, so that a
     * task makes what follows the join once, as for a stream-stream join.
     */
    private void tableJoin(
        PlanStep join,
        TableJoinFactories.Inputs inputs,
        List<OperatorFactory> downstream,
        Part part) {
      List<OperatorFactory> merged = prepend(new Junction(), downstream);
      visit(join.sources().get(0), prepend(inputs.left(), merged), part, true, null);
      visit(join.sources().get(1), prepend(inputs.right(), merged), part, true, null);
    }
  }

  private static List<OperatorFactory> prepend(OperatorFactory first, List<OperatorFactory> rest) {
    List<OperatorFactory> chain = new ArrayList<>(rest.size() + 1);
    chain.add(first);
    chain.addAll(rest);
    return chain;
  }
}
