package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.StepCounters;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a query has done since its runtime was made: input records processed, sink records written,
 * records reported to the processing log, its consumer's lag when it last polled, and what each
 * step of its plan has done. Kept by the runtime, so the counts carry on across its restarts.
 */
final class QueryCounters {
  private final LongAdder processed = new LongAdder();
  private final LongAdder output = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final StepCounters steps;
  private volatile long lag;

  /** {@code steps}: how many steps the query's plan has. */
  QueryCounters(int steps) {
    this.steps = new StepCounters(steps);
  }

  StepCounters steps() {
    return steps;
  }

  void processed(int records) {
    processed.add(records);
  }

  void output() {
    output.increment();
  }

  void error() {
    errors.increment();
  }

  /** Set by the query's thread after each round of processing. */
  void lag(long records) {
    lag = records;
  }

  QueryStatistics snapshot() {
    return new QueryStatistics(processed.sum(), output.sum(), errors.sum(), lag, steps.snapshot());
  }
}
