package dev.millrace.planner;

import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.parser.ast.NodeLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of ksqlDB's in-place query upgrade ({@code CREATE OR REPLACE ... AS SELECT} of a sink
 * whose query runs): the new plan runs as the old query, from its committed offsets and over its
 * state, so everything that shapes the state and the internal topics must stay as it was.
 *
 * <ul>
 *   <li>Filters (WHERE, HAVING) and projections (SELECT) may change, be added or be removed: they
 *       keep no state. (What the sink's columns may become is {@link SourceUpgrade}'s to check.)
 *   <li>Everything else must stay: the sources read, PARTITION BY, table functions, GROUP BY, the
 *       aggregate functions and what feeds them (the columns an aggregation reads and the values of
 *       its functions' arguments). A filter in front of an aggregation may read any column: the
 *       aggregation keeps only its aggregates in state.
 *   <li>As in ksqlDB, queries with joins or windows, and aggregations of tables, cannot be upgraded
 *       in place at all.
 * </ul>
 *
 * <p>Both plans are walked together from the sink, past the stateless steps; at each other step the
 * two must be of the same kind with the same settings.
 */
public final class QueryUpgrade {
  private final String queryId;
  private final NodeLocation at;

  private QueryUpgrade(String queryId, NodeLocation at) {
    this.queryId = queryId;
    this.at = at;
  }

  /**
   * Checks that {@code replacement} may take over from {@code running} as query {@code queryId}.
   *
   * @throws PlanningException naming the rule broken, at {@code at}
   */
  public static void check(
      PlanStep running, PlanStep replacement, String queryId, NodeLocation at) {
    new QueryUpgrade(queryId, at).compare(running, replacement);
  }

  private void compare(PlanStep running, PlanStep replacement) {
    PlanStep before = pastStateless(running);
    PlanStep after = pastStateless(replacement);
    unsupported(before);
    unsupported(after);
    if (before.getClass() != after.getClass()) {
      throw refused(
          "its "
              + StepKind.of(before).name()
              + " would become "
              + StepKind.of(after).name()
              + " (only filters and projections may be added, changed or removed).");
    }
    after.accept(new SameSettings(before));
    List<PlanStep> inputsBefore = before.sources();
    List<PlanStep> inputsAfter = after.sources();
    for (int i = 0; i < inputsBefore.size(); i++) {
      compare(inputsBefore.get(i), inputsAfter.get(i));
    }
  }

  /** The first step at or below {@code step} that is not a filter or projection. */
  private static PlanStep pastStateless(PlanStep step) {
    PlanStep current = step;
    while (StepKind.of(current).stateless()) {
      current = current.sources().get(0);
    }
    return current;
  }

  private void unsupported(PlanStep step) {
    StepKind.of(step)
        .unsupported()
        .ifPresent(
            reason -> {
              throw refused(
                  reason
                      + " cannot be upgraded in place; to change it, TERMINATE "
                      + queryId
                      + ", DROP the sink and create it again.");
            });
  }

  private PlanningException refused(String reason) {
    return new PlanningException(at, "Cannot upgrade query " + queryId + " in place: " + reason);
  }

  private void same(Object before, Object after, String what) {
    if (!Objects.equals(before, after)) {
      throw refused(what + " may not change.");
    }
  }

  /**
   * The expressions of the projection that computes an aggregation's input, if there is one below
   * {@code step} (past filters): the aggregate functions read its columns by position, so the same
   * columns computed otherwise would feed them other values.
   */
  private static Optional<List<Expr>> aggregated(PlanStep step) {
    PlanStep current = step;
    while (current instanceof PlanStep.StreamFilter filter) {
      current = filter.source();
    }
    return current instanceof PlanStep.StreamSelect select
        ? Optional.of(select.values())
        : Optional.empty();
  }

  /**
   * Compares the settings of the step it visits with those of {@code before}, a step of the same
   * kind; inputs are compared by the caller.
   */
  private final class SameSettings implements PlanStep.Visitor<Void> {
    private final PlanStep before;

    SameSettings(PlanStep before) {
      this.before = before;
    }

    @Override
    public Void streamSource(PlanStep.StreamSource step) {
      PlanStep.StreamSource old = (PlanStep.StreamSource) before;
      same(old.topic(), step.topic(), "the sources it reads (topic '" + old.topic() + "')");
      same(old.formats(), step.formats(), "the formats of source topic '" + old.topic() + "'");
      return null;
    }

    @Override
    public Void tableSource(PlanStep.TableSource step) {
      PlanStep.TableSource old = (PlanStep.TableSource) before;
      same(old.topic(), step.topic(), "the sources it reads (topic '" + old.topic() + "')");
      same(old.formats(), step.formats(), "the formats of source topic '" + old.topic() + "'");
      same(old.storeName(), step.storeName(), "the state of source topic '" + old.topic() + "'");
      return null;
    }

    @Override
    public Void streamFilter(PlanStep.StreamFilter step) {
      throw new IllegalStateException("filters are skipped");
    }

    @Override
    public Void tableFilter(PlanStep.TableFilter step) {
      throw new IllegalStateException("filters are skipped");
    }

    @Override
    public Void streamSelect(PlanStep.StreamSelect step) {
      throw new IllegalStateException("projections are skipped");
    }

    @Override
    public Void tableSelect(PlanStep.TableSelect step) {
      throw new IllegalStateException("projections are skipped");
    }

    @Override
    public Void streamFlatMap(PlanStep.StreamFlatMap step) {
      same(
          ((PlanStep.StreamFlatMap) before).tableFunctions(),
          step.tableFunctions(),
          "its table functions");
      return null;
    }

    @Override
    public Void streamSelectKey(PlanStep.StreamSelectKey step) {
      PlanStep.StreamSelectKey old = (PlanStep.StreamSelectKey) before;
      same(old.keys(), step.keys(), "PARTITION BY");
      same(old.repartitionTopic(), step.repartitionTopic(), "its repartition topic");
      same(old.window(), step.window(), "the window its rows keep");
      return null;
    }

    @Override
    public Void streamGroupBy(PlanStep.StreamGroupBy step) {
      PlanStep.StreamGroupBy old = (PlanStep.StreamGroupBy) before;
      same(old.keys(), step.keys(), "GROUP BY");
      same(old.repartitionTopic(), step.repartitionTopic(), "its repartition topic");
      same(
          old.source().schema(),
          step.source().schema(),
          "the columns its aggregation reads (a filter before GROUP BY may only use columns the"
              + " aggregation already reads)");
      same(
          aggregated(old.source()),
          aggregated(step.source()),
          "the values its aggregation reads (the arguments of its aggregate functions)");
      return null;
    }

    @Override
    public Void streamAggregate(PlanStep.StreamAggregate step) {
      PlanStep.StreamAggregate old = (PlanStep.StreamAggregate) before;
      same(old.aggregates(), step.aggregates(), "its aggregate functions");
      same(old.storeName(), step.storeName(), "its aggregation state");
      return null;
    }

    @Override
    public Void tableRepartition(PlanStep.TableRepartition step) {
      PlanStep.TableRepartition old = (PlanStep.TableRepartition) before;
      same(old.repartitionTopic(), step.repartitionTopic(), "its repartition topic");
      same(old.keyFormat(), step.keyFormat(), "its repartition key format");
      same(old.storeName(), step.storeName(), "its repartitioned state");
      return null;
    }

    @Override
    public Void streamSink(PlanStep.StreamSink step) {
      PlanStep.StreamSink old = (PlanStep.StreamSink) before;
      same(old.topic(), step.topic(), "its sink topic");
      same(old.formats(), step.formats(), "its sink formats");
      return null;
    }

    @Override
    public Void tableSink(PlanStep.TableSink step) {
      PlanStep.TableSink old = (PlanStep.TableSink) before;
      same(old.topic(), step.topic(), "its sink topic");
      same(old.formats(), step.formats(), "its sink formats");
      return null;
    }

    @Override
    public Void tableGroupBy(PlanStep.TableGroupBy step) {
      throw new IllegalStateException("table aggregations are refused before");
    }

    @Override
    public Void tableAggregate(PlanStep.TableAggregate step) {
      throw new IllegalStateException("table aggregations are refused before");
    }

    @Override
    public Void tableSuppress(PlanStep.TableSuppress step) {
      throw new IllegalStateException("windowed queries are refused before");
    }

    @Override
    public Void streamTableJoin(PlanStep.StreamTableJoin step) {
      throw new IllegalStateException("joins are refused before");
    }

    @Override
    public Void streamStreamJoin(PlanStep.StreamStreamJoin step) {
      throw new IllegalStateException("joins are refused before");
    }

    @Override
    public Void tableTableJoin(PlanStep.TableTableJoin step) {
      throw new IllegalStateException("joins are refused before");
    }

    @Override
    public Void foreignKeyTableJoin(PlanStep.ForeignKeyTableJoin step) {
      throw new IllegalStateException("joins are refused before");
    }

    @Override
    public Void transientSink(PlanStep.TransientSink step) {
      throw new IllegalStateException("a persistent query has no transient sink");
    }
  }
}
