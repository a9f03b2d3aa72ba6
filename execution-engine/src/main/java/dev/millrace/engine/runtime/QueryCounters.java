package dev.millrace.engine.runtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a query has done since its runtime was made: input records processed, sink records written,
 * records reported to the processing log, and its consumer's lag when it last polled.
 */
final class QueryCounters {
  private final LongAdder processed = new LongAdder();
  private final LongAdder output = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private volatile long lag;

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
    return new QueryStatistics(processed.sum(), output.sum(), errors.sum(), lag);
  }
}
