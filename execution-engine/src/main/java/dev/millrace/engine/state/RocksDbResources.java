package dev.millrace.engine.state;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * The native option objects behind one RocksDB store, tuned for small machines: block cache and
 * memtables drawn from the server's {@link RocksDbMemory}, one background job, LZ4 compression and
 * bloom filters for point lookups in files and memtables (the aggregate hot path is get-then-put).
 * They must outlive the database and be closed after it; the shared memory pool is not theirs to
 * close.
 */
final class RocksDbResources implements AutoCloseable {
  private final BloomFilter filter = new BloomFilter(10);
  private final Options options;

  RocksDbResources(RocksDbMemory memory) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(memory.cache())
            .setFilterPolicy(filter)
            .setBlockSize(16 * 1024)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true);
    options =
        new Options()
            .setCreateIfMissing(true)
            .setWriteBufferSize(memory.memtableBytes())
            .setMaxWriteBufferNumber(2)
            // A bloom filter over each memtable's keys, so that looking up an absent key (a new
            // group or window) skips the memtable's skip list.
            .setMemtablePrefixBloomSizeRatio(0.1)
            .setMemtableWholeKeyFiltering(true)
            .setWriteBufferManager(memory.writeBuffers())
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
  }
}
