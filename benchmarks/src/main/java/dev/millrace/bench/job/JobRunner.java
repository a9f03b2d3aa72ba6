package dev.millrace.bench.job;

/**
 * One engine running one job in the engine's own JVM. The child process measures its CPU time from
 * just before {@link #start} to the moment the parent says the output is complete.
 */
interface JobRunner extends AutoCloseable {

  /** Everything the job needs before its query runs (source declarations, data conversion). */
  void prepare() throws Exception;

  /** Starts the measured query or topology. */
  void start() throws Exception;

  /** The native memory the engine's RocksDB stores use now (block caches and memtables). */
  StateMemory stateMemory();

  @Override
  void close() throws Exception;
}
