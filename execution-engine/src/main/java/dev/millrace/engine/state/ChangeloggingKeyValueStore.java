package dev.millrace.engine.state;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Records every write to the store below for its compacted changelog topic. Writes are buffered
 * until the owner sends them with the task's output ({@link #sendChangelog}); a key written twice
 * in one batch is sent once, with its last value, since compaction would keep only that one anyway.
 */
public final class ChangeloggingKeyValueStore implements KeyValueStore {
  private final KeyValueStore inner;
  private final ChangelogPartition changelog;
  private final TreeMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);

  public ChangeloggingKeyValueStore(KeyValueStore inner, ChangelogPartition changelog) {
    this.inner = inner;
    this.changelog = changelog;
  }

  /** The topic partition this store's writes go to. */
  public ChangelogPartition changelog() {
    return changelog;
  }

  /** The store below this decorator. */
  public KeyValueStore inner() {
    return inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public byte[] get(byte[] key) {
    return inner.get(key);
  }

  @Override
  public void put(byte[] key, byte[] value) {
    inner.put(key, value);
    record(key, value);
  }

  @Override
  public void delete(byte[] key) {
    inner.delete(key);
    record(key, null);
  }

  @Override
  public void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
    inner.range(from, to, visitor);
  }

  @Override
  public void putAll(Map<byte[], byte[]> entries) {
    inner.putAll(entries);
    entries.forEach(this::record);
  }

  @Override
  public void flush() {
    inner.flush();
  }

  /** Whether writes are waiting to be sent. */
  public synchronized boolean hasPendingWrites() {
    return !pending.isEmpty();
  }

  /** Hands the buffered writes, in key order, to {@code writer} and forgets them. */
  public synchronized void sendChangelog(ChangelogWriter writer) {
    for (Map.Entry<byte[], byte[]> write : pending.entrySet()) {
      writer.write(changelog, write.getKey(), write.getValue());
    }
    pending.clear();
  }

  @Override
  public void close() {
    inner.close();
  }

  private synchronized void record(byte[] key, byte[] value) {
    pending.put(key, value);
  }
}
