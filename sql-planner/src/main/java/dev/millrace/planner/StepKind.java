package dev.millrace.planner;

import dev.millrace.engine.plan.PlanStep;
import java.util.Optional;

/**
 * What a plan step is, in the words of the SQL that made it, for the rules of in-place upgrades
 * ({@link QueryUpgrade}).
 *
 * @param name the step as a user knows it, e.g. "GROUP BY"
 * @param stateless whether the step keeps no state and may change freely (filters, projections)
 * @param unsupported why a query with this step cannot be upgraded in place at all, if it cannot
 */
record StepKind(String name, boolean stateless, Optional<String> unsupported) {

  static StepKind of(PlanStep step) {
    return step.accept(Describer.INSTANCE);
  }

  private static StepKind stateful(String name) {
    return new StepKind(name, false, Optional.empty());
  }

  private static StepKind stateless(String name) {
    return new StepKind(name, true, Optional.empty());
  }

  private static StepKind unsupported(String name, String reason) {
    return new StepKind(name, false, Optional.of(reason));
  }

  private enum Describer implements PlanStep.Visitor<StepKind> {
    INSTANCE;

    @Override
    public StepKind streamSource(PlanStep.StreamSource step) {
      return stateful("source stream (topic '" + step.topic() + "')");
    }

    @Override
    public StepKind tableSource(PlanStep.TableSource step) {
      return stateful("source table (topic '" + step.topic() + "')");
    }

    @Override
    public StepKind streamFilter(PlanStep.StreamFilter step) {
      return stateless("WHERE");
    }

    @Override
    public StepKind tableFilter(PlanStep.TableFilter step) {
      return stateless("WHERE/HAVING");
    }

    @Override
    public StepKind streamSelect(PlanStep.StreamSelect step) {
      return stateless("SELECT");
    }

    @Override
    public StepKind tableSelect(PlanStep.TableSelect step) {
      return stateless("SELECT");
    }

    @Override
    public StepKind streamFlatMap(PlanStep.StreamFlatMap step) {
      return stateful("table functions");
    }

    @Override
    public StepKind streamSelectKey(PlanStep.StreamSelectKey step) {
      return stateful("PARTITION BY");
    }

    @Override
    public StepKind streamGroupBy(PlanStep.StreamGroupBy step) {
      return stateful("GROUP BY");
    }

    @Override
    public StepKind streamAggregate(PlanStep.StreamAggregate step) {
      return step.window().isPresent()
          ? unsupported("windowed aggregation", "a windowed query")
          : stateful("aggregation");
    }

    @Override
    public StepKind tableGroupBy(PlanStep.TableGroupBy step) {
      return unsupported("GROUP BY of a table", "an aggregation of a table");
    }

    @Override
    public StepKind tableAggregate(PlanStep.TableAggregate step) {
      return unsupported("aggregation of a table", "an aggregation of a table");
    }

    @Override
    public StepKind tableSuppress(PlanStep.TableSuppress step) {
      return unsupported("EMIT FINAL", "a windowed query");
    }

    @Override
    public StepKind streamTableJoin(PlanStep.StreamTableJoin step) {
      return unsupported("stream-table join", "a query with a join");
    }

    @Override
    public StepKind streamStreamJoin(PlanStep.StreamStreamJoin step) {
      return unsupported("stream-stream join", "a query with a join");
    }

    @Override
    public StepKind tableTableJoin(PlanStep.TableTableJoin step) {
      return unsupported("table-table join", "a query with a join");
    }

    @Override
    public StepKind tableRepartition(PlanStep.TableRepartition step) {
      return stateful("repartitioning of a table");
    }

    @Override
    public StepKind foreignKeyTableJoin(PlanStep.ForeignKeyTableJoin step) {
      return unsupported("foreign-key join", "a query with a join");
    }

    @Override
    public StepKind streamSink(PlanStep.StreamSink step) {
      return stateful("sink");
    }

    @Override
    public StepKind tableSink(PlanStep.TableSink step) {
      return stateful("sink");
    }

    @Override
    public StepKind transientSink(PlanStep.TransientSink step) {
      return stateful("transient sink");
    }
  }
}
