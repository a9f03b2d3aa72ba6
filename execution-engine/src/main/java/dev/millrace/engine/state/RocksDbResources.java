package dev.millrace.engine.state;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * The native option objects behind one RocksDB store, tuned for small machines: block cache and
 * memtables drawn from the server's {@link RocksDbMemory}, one background job, LZ4 compression and
 * bloom filters for point lookups (the aggregate hot path is get-then-put). They must outlive the
 * database and be closed after it; the shared memory pool is not theirs to close.
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
