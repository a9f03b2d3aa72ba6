package dev.millrace.engine.state;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A key-value store held in a {@link TreeMap} ordered by unsigned byte comparison, the same order
 * RocksDB uses. For the test driver and unit tests; nothing survives {@link #close()}.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final String name;
  private final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

  public InMemoryKeyValueStore(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized byte[] get(byte[] key) {
    return entries.get(key);
  }

  @Override
  public synchronized void put(byte[] key, byte[] value) {
    if (value == null) {
      entries.remove(key);
    } else {
      entries.put(key, value);
    }
  }

  @Override
  public synchronized void delete(byte[] key) {
    entries.remove(key);
  }

  @Override
  public void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
    // Copy the slice first so a visitor may write to this store while iterating.
    Map<byte[], byte[]> slice;
    synchronized (this) {
      slice = new TreeMap<>(slice(from, to));
    }
    slice.forEach(visitor);
  }

  private NavigableMap<byte[], byte[]> slice(byte[] from, byte[] to) {
    if (from == null && to == null) {
      return entries;
    } else if (from == null) {
      return entries.headMap(to, false);
    } else if (to == null) {
      return entries.tailMap(from, true);
    }
    return Arrays.compareUnsigned(from, to) >= 0
        ? new TreeMap<>()
        : entries.subMap(from, true, to, false);
  }

  @Override
  public synchronized void putAll(Map<byte[], byte[]> writes) {
    writes.forEach(this::put);
  }

  @Override
  public void flush() {}

  @Override
  public synchronized void close() {
    entries.clear();
  }
}
