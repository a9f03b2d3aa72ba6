package dev.millrace.engine.operator;

/**
 * One step of a running query: it receives rows and forwards what it makes of them to the operator
 * after it (given at construction). The lifecycle is tiny, as in Kafka Streams' Processor API:
 * {@link #init} once before the first row, {@link #process} per row, {@link #close} at the end.
 * Operators of one task run on one thread; they may keep state in fields and stores.
 */
public interface Operator {

  /** The operator that discards what it is given: the end of a chain with no output. */
  Operator DISCARD = (row, record) -> {};

  /** Called once before the first row; looks up stores and keeps the context. */
  default void init(ProcessingContext context) {}

  /**
   * Handles one row. {@code record} says which input record the row came from, for the processing
   * log; operators pass it on unchanged.
   */
  void process(Row row, RecordContext record);

  /**
   * Forwards what the operator has held back ({@link RecordCache}); the task calls it before each
   * commit, on every operator from the first to the last, so that held rows reach the operators
   * after it before those flush in turn.
   */
  default void flush() {}

  /** Releases what {@link #init} took (stores belong to the runtime and are not closed here). */
  default void close() {}
}
