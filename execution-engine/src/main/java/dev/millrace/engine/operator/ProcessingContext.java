package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * What an operator may use of the task running it: its state stores, the task's stream time, a way
 * to write records to topics, and the processing log. The Kafka runtime and the test driver give
 * the same operators the same context; only what stands behind it differs.
 */
public interface ProcessingContext {

  /** The store of this name; the topology declares which stores each sub-topology needs. */
  KeyValueStore store(String name);

  /**
   * The largest record timestamp this task has read so far ({@link Long#MIN_VALUE} before the
   * first). It moves only with record timestamps, never with the wall clock.
   */
  long streamTime();

  /** The partition number of the input topics this task reads (0 where one task reads them all). */
  int partition();

  /**
   * The bytes the query's record caches may hold between commits, shared by its tasks; {@link
   * RecordCacheBudget#NONE} when every update is emitted at once.
   */
  default RecordCacheBudget recordCache() {
    return RecordCacheBudget.NONE;
  }

  /** Writes a record to a topic (a sink's or an internal repartition topic). */
  void emit(OutputRecord record);

  /** Reports a record that was skipped, or a value that could not be computed. */
  void report(ProcessingError error);

  /** Reports an error about the record described by {@code record}. */
  default void report(ProcessingError.Kind kind, RecordContext record, String message) {
    report(new ProcessingError(kind, record.topic(), record.partition(), record.offset(), message));
  }
}
