package dev.millrace.engine.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keeps the values of the keys read or written most recently in memory, in front of a store whose
 * reads cost far more than a hash lookup (a RocksDB read is a native call that copies the key in
 * and the value out). A stream-table join reads its table's row for every stream record, and a
 * small table's rows — or a large one's popular rows — are read over and over while they rarely
 * change. Keys without a value are remembered as such too (a LEFT join's unmatched keys).
 *
 * <p>Every write passes through to the store below and replaces the remembered value, so reads
 * through this store always agree with it; the store below must not be written past it. Memory is
 * bounded: at most {@code maxBytes} of keys, values and a fixed {@link #ENTRY_OVERHEAD} per entry,
 * the least recently used entries going first. Scans are not cached.
 *
 * <p>Pull queries read from other threads, so access is guarded by this object's lock.
 */
public final class ReadCachingKeyValueStore implements KeyValueStore {
  /** What an entry costs beyond its key and value bytes: the map's node, the key, array headers. */
  static final int ENTRY_OVERHEAD = 96;

  /** Remembers that a key has no value; compared by identity, so no stored value is mistaken. */
  private static final byte[] NO_VALUE = new byte[0];

  private final KeyValueStore inner;
  private final long maxBytes;
  private final LinkedHashMap<ByteKey, byte[]> recent = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  public ReadCachingKeyValueStore(KeyValueStore inner, long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("negative read cache size " + maxBytes);
    }
    this.inner = inner;
    this.maxBytes = maxBytes;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public synchronized byte[] get(byte[] key) {
    ByteKey wrapped = new ByteKey(key);
    byte[] remembered = recent.get(wrapped);
    if (remembered != null) {
      return remembered == NO_VALUE ? null : remembered;
    }
    byte[] value = inner.get(key);
    remember(wrapped, value);
    return value;
  }

  @Override
  public synchronized void put(byte[] key, byte[] value) {
    inner.put(key, value);
    remember(new ByteKey(key), value);
  }

  @Override
  public synchronized void delete(byte[] key) {
    inner.delete(key);
    remember(new ByteKey(key), null);
  }

  @Override
  public synchronized void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
    inner.range(from, to, visitor);
  }

  @Override
  public synchronized void putAll(Map<byte[], byte[]> entries) {
    inner.putAll(entries);
    entries.forEach((key, value) -> remember(new ByteKey(key), value));
  }

  @Override
  public synchronized void flush() {
    inner.flush();
  }

  @Override
  public synchronized void close() {
    recent.clear();
    bytes = 0;
    inner.close();
  }

  /** How many keys are remembered now (with or without a value). */
  synchronized int size() {
    return recent.size();
  }

  private void remember(ByteKey key, byte[] value) {
    byte[] entry = value == null ? NO_VALUE : value;
    byte[] previous = recent.put(key, entry);
    if (previous != null) {
      bytes -= cost(key, previous);
    }
    bytes += cost(key, entry);
    Iterator<Map.Entry<ByteKey, byte[]>> eldest = recent.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Map.Entry<ByteKey, byte[]> evicted = eldest.next();
      bytes -= cost(evicted.getKey(), evicted.getValue());
      eldest.remove();
    }
  }

  private static long cost(ByteKey key, byte[] value) {
    return ENTRY_OVERHEAD + key.bytes().length + value.length;
  }
}
