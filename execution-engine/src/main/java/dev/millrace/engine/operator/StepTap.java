package dev.millrace.engine.operator;

/**
 * Stands between two steps of a chain: a row that reaches it has left step {@code from} and enters
 * step {@code to}. It counts both, and tells the task which step works on the row from here on, so
 * that what the task reports to the processing log is counted against that step.
 */
record StepTap(int from, int to) implements OperatorFactory {

  @Override
  public Operator create(Operator downstream) {
    return new Operator() {
      private TaskContext task;

      @Override
      public void init(ProcessingContext context) {
        // A Pipeline always gives its operators its own TaskContext.
        task = (TaskContext) context;
      }

      @Override
      public void process(Row row, RecordContext record) {
        task.steps().output(from);
        task.steps().input(to);
        task.enter(to);
        downstream.process(row, record);
        // Not in a finally: a row that fails further on leaves its step current for the report.
        task.enter(from);
      }
    };
  }
}
