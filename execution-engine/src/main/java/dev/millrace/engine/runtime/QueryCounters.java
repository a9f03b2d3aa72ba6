package dev.millrace.engine.runtime;

import java.util.concurrent.atomic.LongAdder;

/** What a query has done since its runtime was made: input records processed, records reported. */
final class QueryCounters {
  private final LongAdder processed = new LongAdder();
  private final LongAdder errors = new LongAdder();

  void processed(int records) {
    processed.add(records);
  }

  void error() {
    errors.increment();
  }

  QueryStatistics snapshot() {
    return new QueryStatistics(processed.sum(), errors.sum());
  }
}
