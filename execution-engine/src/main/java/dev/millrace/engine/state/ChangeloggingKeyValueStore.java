package dev.millrace.engine.state;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Records every write to the store below for its compacted changelog topic, and coalesces writes
 * between commits. Writes are buffered until the owner sends them with the task's output ({@link
 * #sendChangelog}); a key written twice in one batch is sent once, with its last value, since
 * compaction would keep only that one anyway. The store below gets the same coalesced writes, as
 * one batch when the changelog is sent (or before a range scan, which reads it): an aggregation
 * that updates a few hot keys reads them from the buffer and writes each to RocksDB once per commit
 * rather than once per record.
 *
 * <p>Pull queries read from other threads, so the buffers are guarded by this object's lock.
 */
public final class ChangeloggingKeyValueStore implements KeyValueStore {
  private final KeyValueStore inner;
  private final ChangelogPartition changelog;

  /** Writes not yet sent to the changelog. */
  private final WriteBuffer pending = new WriteBuffer();

  /**
   * Writes not yet applied to the store below, a subset of {@link #pending}; null while that subset
   * is all of it, as it is unless a range scan came since the last send. Most batches then keep one
   * buffer rather than two.
   */
  private WriteBuffer unapplied;

  public ChangeloggingKeyValueStore(KeyValueStore inner, ChangelogPartition changelog) {
    this.inner = inner;
    this.changelog = changelog;
  }

  /** The topic partition this store's writes go to. */
  public ChangelogPartition changelog() {
    return changelog;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public synchronized byte[] get(byte[] key) {
    // The pending value is the latest, whether or not the store below has it yet.
    byte[] buffered = pending.get(key);
    return buffered != WriteBuffer.ABSENT ? buffered : inner.get(key);
  }

  @Override
  public synchronized void put(byte[] key, byte[] value) {
    record(key, value);
  }

  @Override
  public synchronized void delete(byte[] key) {
    record(key, null);
  }

  @Override
  public synchronized void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
    apply();
    inner.range(from, to, visitor);
  }

  @Override
  public synchronized void putAll(Map<byte[], byte[]> entries) {
    entries.forEach(this::record);
  }

  @Override
  public synchronized void flush() {
    apply();
    inner.flush();
  }

  /** Whether writes are waiting to be sent. */
  public synchronized boolean hasPendingWrites() {
    return !pending.isEmpty();
  }

  /**
   * Applies the buffered writes to the store below, then hands them, in the order their keys were
   * first written, to {@code writer} and forgets them.
   */
  public synchronized void sendChangelog(ChangelogWriter writer) {
    apply();
    pending.forEach((key, value) -> writer.write(changelog, key, value));
    pending.clear();
    unapplied = null;
  }

  @Override
  public synchronized void close() {
    // Unapplied writes are uncommitted: a clean close flushed them first, a dirty one drops them
    // with the files.
    unapplied = null;
    pending.clear();
    inner.close();
  }

  private void record(byte[] key, byte[] value) {
    pending.put(key, value);
    if (unapplied != null) {
      unapplied.put(key, value);
    }
  }

  private void apply() {
    WriteBuffer writes = unapplied == null ? pending : unapplied;
    if (!writes.isEmpty()) {
      inner.putAll(writes.sorted());
    }
    if (unapplied == null) {
      unapplied = new WriteBuffer();
    } else {
      unapplied.clear();
    }
  }
}
