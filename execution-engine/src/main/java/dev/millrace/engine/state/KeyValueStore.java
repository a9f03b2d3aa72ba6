package dev.millrace.engine.state;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A sorted byte-keyed store: the bottom of the state stack. Implementations: RocksDB for queries,
 * memory for tests; decorators add changelogging to a compacted topic. Keys compare as unsigned
 * bytes.
 *
 * <p>A store may keep the arrays it is given (the in-memory store and the changelog buffer do), so
 * callers must not change a key or value array after handing it over.
 */
public interface KeyValueStore extends AutoCloseable {
  String name();

  byte[] get(byte[] key);

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /**
   * Visits the entries with {@code from <= key < to} in key order ({@code null} bounds are open).
   */
  void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor);

  /** Applies many writes at once (null value = delete): used by restore and batch commit. */
  void putAll(Map<byte[], byte[]> entries);

  /** Makes every write so far durable. */
  void flush();

  @Override
  void close();
}
