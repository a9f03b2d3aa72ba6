package dev.millrace.engine.state;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * The native option objects behind one RocksDB store, tuned for small machines: a few MiB of
 * memtable and block cache per store, one background job, LZ4 compression and bloom filters for
 * point lookups (the aggregate hot path is get-then-put). They must outlive the database and be
 * closed after it.
 */
final class RocksDbResources implements AutoCloseable {
  private static final long WRITE_BUFFER_BYTES = 8L << 20;
  private static final long BLOCK_CACHE_BYTES = 16L << 20;

  private final LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
  private final BloomFilter filter = new BloomFilter(10);
  private final Options options;

  RocksDbResources() {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setFilterPolicy(filter)
            .setBlockSize(16 * 1024)
            .setCacheIndexAndFilterBlocks(true);
    options =
        new Options()
            .setCreateIfMissing(true)
            .setWriteBufferSize(WRITE_BUFFER_BYTES)
            .setMaxWriteBufferNumber(2)
            .setMaxBackgroundJobs(1)
            .setMaxOpenFiles(256)
            .setCompactionStyle(CompactionStyle.LEVEL)
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setTableFormatConfig(table);
  }

  Options options() {
    return options;
  }

  @Override
  public void close() {
    options.close();
    filter.close();
    cache.close();
  }
}
