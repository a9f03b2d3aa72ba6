package dev.millrace.engine.plan;

import java.util.Optional;

/**
 * The key format of the topic whose partitioning a step's rows keep: the format of the source topic
 * they were read from, or of the repartition topic a {@link PlanStep.TableRepartition} wrote them
 * through, for as long as no step changes their key. Empty for rows that crossed an internal topic
 * of the engine's own key format, or were re-keyed, joined on another key or aggregated. A stream
 * re-keyed to meet such rows writes its keys in this format, so that equal keys land in partitions
 * of the same number.
 */
public final class TopicKeyFormat implements PlanStep.Visitor<Optional<FormatInfo>> {
  private static final TopicKeyFormat INSTANCE = new TopicKeyFormat();

  private TopicKeyFormat() {}

  public static Optional<FormatInfo> of(PlanStep step) {
    return step.accept(INSTANCE);
  }

  @Override
  public Optional<FormatInfo> streamSource(PlanStep.StreamSource step) {
    return Optional.of(step.formats().key());
  }

  @Override
  public Optional<FormatInfo> tableSource(PlanStep.TableSource step) {
    return Optional.of(step.formats().key());
  }

  @Override
  public Optional<FormatInfo> streamFilter(PlanStep.StreamFilter step) {
    return of(step.source());
  }

  @Override
  public Optional<FormatInfo> tableFilter(PlanStep.TableFilter step) {
    return of(step.source());
  }

  @Override
  public Optional<FormatInfo> streamSelect(PlanStep.StreamSelect step) {
    return of(step.source());
  }

  @Override
  public Optional<FormatInfo> streamFlatMap(PlanStep.StreamFlatMap step) {
    return of(step.source());
  }

  @Override
  public Optional<FormatInfo> tableSelect(PlanStep.TableSelect step) {
    return of(step.source());
  }

  @Override
  public Optional<FormatInfo> streamSelectKey(PlanStep.StreamSelectKey step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> streamGroupBy(PlanStep.StreamGroupBy step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> streamAggregate(PlanStep.StreamAggregate step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> tableSuppress(PlanStep.TableSuppress step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> tableGroupBy(PlanStep.TableGroupBy step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> tableAggregate(PlanStep.TableAggregate step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> streamTableJoin(PlanStep.StreamTableJoin step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> streamStreamJoin(PlanStep.StreamStreamJoin step) {
    return Optional.empty();
  }

  /** Both sides are partitioned alike on the key the join keeps: the left side's topic's. */
  @Override
  public Optional<FormatInfo> tableTableJoin(PlanStep.TableTableJoin step) {
    return of(step.left());
  }

  @Override
  public Optional<FormatInfo> tableRepartition(PlanStep.TableRepartition step) {
    return Optional.of(step.keyFormat());
  }

  @Override
  public Optional<FormatInfo> foreignKeyTableJoin(PlanStep.ForeignKeyTableJoin step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> streamSink(PlanStep.StreamSink step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> tableSink(PlanStep.TableSink step) {
    return Optional.empty();
  }

  @Override
  public Optional<FormatInfo> transientSink(PlanStep.TransientSink step) {
    return Optional.empty();
  }
}
