package dev.millrace.engine.plan;

import java.util.Optional;

/**
 * The key layout of the topic whose partitioning a step's rows keep: that of the source topic they
 * were read from, or of the repartition topic a {@link PlanStep.TableRepartition} wrote them
 * through, for as long as no step changes their key. Empty for rows that crossed an internal topic
 * of the engine's own key format, or were re-keyed, joined on another key or aggregated. A stream
 * re-keyed to meet such rows writes its keys in this layout, so that equal keys land in partitions
 * of the same number.
 */
public final class TopicKeyFormat implements PlanStep.Visitor<Optional<KeyLayout>> {
  private static final TopicKeyFormat INSTANCE = new TopicKeyFormat();

  private TopicKeyFormat() {}

  /** The key format of the topic whose partitioning the step's rows keep. */
  public static Optional<FormatInfo> of(PlanStep step) {
    return layout(step).map(KeyLayout::format);
  }

  /** The key layout of the topic whose partitioning the step's rows keep. */
  public static Optional<KeyLayout> layout(PlanStep step) {
    return step.accept(INSTANCE);
  }

  @Override
  public Optional<KeyLayout> streamSource(PlanStep.StreamSource step) {
    return Optional.of(
        new KeyLayout(step.topic(), step.formats().key(), step.sourceSchema().key()));
  }

  @Override
  public Optional<KeyLayout> tableSource(PlanStep.TableSource step) {
    return Optional.of(
        new KeyLayout(step.topic(), step.formats().key(), step.sourceSchema().key()));
  }

  @Override
  public Optional<KeyLayout> streamFilter(PlanStep.StreamFilter step) {
    return layout(step.source());
  }

  @Override
  public Optional<KeyLayout> tableFilter(PlanStep.TableFilter step) {
    return layout(step.source());
  }

  @Override
  public Optional<KeyLayout> streamSelect(PlanStep.StreamSelect step) {
    return layout(step.source());
  }

  @Override
  public Optional<KeyLayout> streamFlatMap(PlanStep.StreamFlatMap step) {
    return layout(step.source());
  }

  @Override
  public Optional<KeyLayout> tableSelect(PlanStep.TableSelect step) {
    return layout(step.source());
  }

  @Override
  public Optional<KeyLayout> streamSelectKey(PlanStep.StreamSelectKey step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> streamGroupBy(PlanStep.StreamGroupBy step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> streamAggregate(PlanStep.StreamAggregate step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> tableSuppress(PlanStep.TableSuppress step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> tableGroupBy(PlanStep.TableGroupBy step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> tableAggregate(PlanStep.TableAggregate step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> streamTableJoin(PlanStep.StreamTableJoin step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> streamStreamJoin(PlanStep.StreamStreamJoin step) {
    return Optional.empty();
  }

  /** Both sides are partitioned alike on the key the join keeps: the left side's topic's. */
  @Override
  public Optional<KeyLayout> tableTableJoin(PlanStep.TableTableJoin step) {
    return layout(step.left());
  }

  @Override
  public Optional<KeyLayout> tableRepartition(PlanStep.TableRepartition step) {
    return Optional.of(
        new KeyLayout(step.repartitionTopic(), step.keyFormat(), step.schema().key()));
  }

  @Override
  public Optional<KeyLayout> foreignKeyTableJoin(PlanStep.ForeignKeyTableJoin step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> streamSink(PlanStep.StreamSink step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> tableSink(PlanStep.TableSink step) {
    return Optional.empty();
  }

  @Override
  public Optional<KeyLayout> transientSink(PlanStep.TransientSink step) {
    return Optional.empty();
  }
}
