package dev.millrace.bench.job;

/**
 * The native memory of an engine's RocksDB stores: block caches and memtables.
 *
 * @param usedBytes all of it
 * @param pinnedBytes the part that cannot be evicted: memtables, and blocks held in memory
 */
public record StateMemory(long usedBytes, long pinnedBytes) {}
