package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * The {@link ProcessingContext} of one task: the runtime's environment plus the task's stream time.
 */
final class TaskContext implements ProcessingContext {
  private final TaskEnvironment environment;
  private long streamTime = Long.MIN_VALUE;

  TaskContext(TaskEnvironment environment) {
    this.environment = environment;
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
  public RecordCacheBudget recordCache() {
    return environment.recordCache();
  }

  @Override
  public void emit(OutputRecord record) {
    environment.send(record);
  }

  @Override
  public void report(ProcessingError error) {
    environment.report(error);
  }
}
