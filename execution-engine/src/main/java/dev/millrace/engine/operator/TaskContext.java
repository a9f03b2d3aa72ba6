package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * The {@link ProcessingContext} of one task: the runtime's environment plus the task's stream time,
 * and the plan step working on the current row (see {@link StepTap}), which errors and writes are
 * counted against.
 */
final class TaskContext implements ProcessingContext {
  private final TaskEnvironment environment;
  private final StepCounters steps;
  private long streamTime = Long.MIN_VALUE;
  private int step;

  TaskContext(TaskEnvironment environment) {
    this.environment = environment;
    this.steps = environment.stepCounters();
  }

  StepCounters steps() {
    return steps;
  }

  /** From now on, step number {@code step} works on the row. */
  void enter(int step) {
    this.step = step;
  }

  void observe(long timestamp) {
    streamTime = Math.max(streamTime, timestamp);
  }

  @Override
  public KeyValueStore store(String name) {
    return environment.store(name);
  }

  @Override
  public long streamTime() {
    return streamTime;
  }

  @Override
  public int partition() {
    return environment.partition();
  }

  @Override
  public RecordCacheBudget recordCache() {
    return environment.recordCache();
  }

  @Override
  public void emit(OutputRecord record) {
    if (step == 0) {
      steps.output(0); // the sink (step 0) forwards nothing: what it writes is its output
    }
    environment.send(record);
  }

  @Override
  public void report(ProcessingError error) {
    steps.error(step);
    environment.report(error);
  }
}
