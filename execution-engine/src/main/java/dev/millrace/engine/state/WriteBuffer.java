package dev.millrace.engine.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Coalesced writes to byte keys (a null value is a delete), in the order each key was first
 * written. Hashed rather than sorted: an aggregation writes one key per record between two commits,
 * so each write must cost a hash lookup, not a walk down a tree of byte-array comparisons. They are
 * sorted once, for the store below ({@link #sorted}); the changelog needs no order.
 */
final class WriteBuffer {
  /** Marks a key that has no buffered write. */
  static final byte[] ABSENT = new byte[0];

  private final Map<ByteKey, byte[]> writes = new LinkedHashMap<>();

  /** The buffered value of {@code key}: null for a delete, {@link #ABSENT} if not written. */
  byte[] get(byte[] key) {
    return writes.getOrDefault(new ByteKey(key), ABSENT);
  }

  void put(byte[] key, byte[] value) {
    writes.put(new ByteKey(key), value);
  }

  /** Visits the writes in the order their keys were first written. */
  void forEach(BiConsumer<byte[], byte[]> visitor) {
    writes.forEach((key, value) -> visitor.accept(key.bytes(), value));
  }

  boolean isEmpty() {
    return writes.isEmpty();
  }

  void clear() {
    writes.clear();
  }

  /**
   * The writes in key order, as a read-only map with byte-array keys for {@link
   * KeyValueStore#putAll}: RocksDB inserts a batch into its memtable faster when the keys come in
   * order, each next to the one before.
   */
  Map<byte[], byte[]> sorted() {
    List<Entry<byte[], byte[]>> entries = new ArrayList<>(writes.size());
    writes.forEach(
        (key, value) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(key.bytes(), value)));
    entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
    return new AbstractMap<>() {
      @Override
      public Set<Entry<byte[], byte[]>> entrySet() {
        return new AbstractSet<>() {
          @Override
          public Iterator<Entry<byte[], byte[]>> iterator() {
            return Collections.unmodifiableList(entries).iterator();
          }

          @Override
          public int size() {
            return entries.size();
          }
        };
      }
    };
  }
}
