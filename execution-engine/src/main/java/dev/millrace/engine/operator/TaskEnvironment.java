package dev.millrace.engine.operator;

import dev.millrace.engine.state.KeyValueStore;

/**
 * What a runtime provides to run one task of a sub-topology: the task's stores (already restored),
 * where written records go, and where processing errors go. The Kafka runtime backs it with
 * RocksDB, a producer and the processing-log topic; the test driver with memory.
 */
public interface TaskEnvironment {
  KeyValueStore store(String name);

  void send(OutputRecord record);

  /** The partition number of the input topics the task reads (0 where it reads them all). */
  int partition();

  void report(ProcessingError error);

  /**
   * Where the task's operators count what each plan step does; shared by the query's tasks and
   * sized for its topology ({@link Topology#steps()}).
   */
  StepCounters stepCounters();

  /** The query's record cache budget ({@link ProcessingContext#recordCache}). */
  default RecordCacheBudget recordCache() {
    return RecordCacheBudget.NONE;
  }
}
