package dev.millrace.engine.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The native memory every RocksDB store of a server draws from: one block cache and one write
 * buffer manager that charges the stores' memtables to that cache. Block cache, index and filter
 * blocks and memtables of all stores together stay near {@link #totalBytes()}, however many stores
 * and keys the queries have: more keys mean more disk and more cache misses, not more memory.
 *
 * <p>One pool per total, for the life of the JVM: stores open and close as queries start, stop and
 * rebalance, and freeing the cache while a store still used it would crash the process. A server
 * uses one total, so its queries share one pool.
 */
public final class RocksDbMemory {
  static {
    RocksDB.loadLibrary();
  }

  /** Used when the server is not configured otherwise. */
  public static final long DEFAULT_TOTAL_BYTES = 256L << 20;

  /** Below this a store's own memtable alone would exceed its share. */
  public static final long MINIMUM_TOTAL_BYTES = 16L << 20;

  /**
   * Memtables may hold up to half of the total; the block cache gets the rest and what they free.
   */
  private static final int WRITE_BUFFER_SHARE = 2;

  /** A store's memtable: small enough that several stores fit their share, at most 8 MiB. */
  private static final long MAX_MEMTABLE_BYTES = 8L << 20;

  private static final int MEMTABLES_PER_SHARE = 16;

  private static final Map<Long, RocksDbMemory> POOLS = new ConcurrentHashMap<>();

  private final long totalBytes;
  private final LRUCache cache;
  private final WriteBufferManager writeBuffers;

  private RocksDbMemory(long totalBytes) {
    this.totalBytes = totalBytes;
    this.cache = new LRUCache(totalBytes);
    this.writeBuffers = new WriteBufferManager(totalBytes / WRITE_BUFFER_SHARE, cache);
  }

  /** The pool holding at most {@code totalBytes}, shared by every store that asks for it. */
  public static RocksDbMemory ofTotal(long totalBytes) {
    if (totalBytes < MINIMUM_TOTAL_BYTES) {
      throw new IllegalArgumentException(
          "RocksDB memory of " + totalBytes + " bytes is below the minimum " + MINIMUM_TOTAL_BYTES);
    }
    return POOLS.computeIfAbsent(totalBytes, RocksDbMemory::new);
  }

  /** The pool of {@link #DEFAULT_TOTAL_BYTES}. */
  public static RocksDbMemory defaultPool() {
    return ofTotal(DEFAULT_TOTAL_BYTES);
  }

  public long totalBytes() {
    return totalBytes;
  }

  /** Bytes in use now: cached blocks plus the memtables charged to the cache. */
  public long usedBytes() {
    return cache.getUsage();
  }

  /** The size of one memtable of a store drawing on this pool. */
  long memtableBytes() {
    return Math.min(MAX_MEMTABLE_BYTES, totalBytes / WRITE_BUFFER_SHARE / MEMTABLES_PER_SHARE);
  }

  LRUCache cache() {
    return cache;
  }

  WriteBufferManager writeBuffers() {
    return writeBuffers;
  }
}
