package dev.millrace.engine.state;

/** Where a changelogging store sends its writes: the task's producer (null value = tombstone). */
@FunctionalInterface
public interface ChangelogWriter {
  void write(ChangelogPartition changelog, byte[] key, byte[] value);
}
