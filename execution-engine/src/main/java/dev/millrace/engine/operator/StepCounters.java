package dev.millrace.engine.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each step of a query's plan has done: rows in, rows out and processing errors, counted by
 * the operators of every task as rows pass, for {@code EXPLAIN ANALYZE}. Steps are numbered as
 * {@link PlanSteps#preOrder} lists them (the sink is step 0). Shared by the query's tasks, which
 * may run on several threads.
 */
public final class StepCounters {
  private final LongAdder[] in;
  private final LongAdder[] out;
  private final LongAdder[] errors;

  /** Counters for a plan of {@code steps} steps, all at zero. */
  public StepCounters(int steps) {
    in = adders(steps);
    out = adders(steps);
    errors = adders(steps);
  }

  private static LongAdder[] adders(int count) {
    LongAdder[] adders = new LongAdder[count];
    for (int i = 0; i < count; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  /** A row entered {@code step}. */
  void input(int step) {
    in[step].increment();
  }

  /** A row left {@code step}: forwarded to the next step, or written by the sink. */
  void output(int step) {
    out[step].increment();
  }

  /** {@code step} reported a record to the processing log. */
  void error(int step) {
    errors[step].increment();
  }

  /** The counts so far, by step number. */
  public List<StepCounts> snapshot() {
    List<StepCounts> counts = new ArrayList<>(in.length);
    for (int i = 0; i < in.length; i++) {
      counts.add(new StepCounts(in[i].sum(), out[i].sum(), errors[i].sum()));
    }
    return List.copyOf(counts);
  }
}
