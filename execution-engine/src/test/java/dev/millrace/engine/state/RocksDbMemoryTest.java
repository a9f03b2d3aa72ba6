package dev.millrace.engine.state;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbMemoryTest {
  private static final long TOTAL = RocksDbMemory.MINIMUM_TOTAL_BYTES;

  @TempDir Path directory;

  @Test
  void storesOfOneServerShareOnePoolPerTotal() {
    assertSame(RocksDbMemory.ofTotal(TOTAL), RocksDbMemory.ofTotal(TOTAL));
    assertSame(
        RocksDbMemory.defaultPool(), RocksDbMemory.ofTotal(RocksDbMemory.DEFAULT_TOTAL_BYTES));
  }

  @Test
  void aTotalBelowTheMinimumIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RocksDbMemory.ofTotal(RocksDbMemory.MINIMUM_TOTAL_BYTES - 1));
  }

  /**
   * Four stores take in eight times the pool's size of distinct keys. Their memtables are charged
   * to the shared cache (so writes alone show up in its usage) and flushed when together they reach
   * their share, so the pool stays within its total however much the stores hold.
   */
  @Test
  void manyStoresWithManyKeysStayWithinTheTotal() {
    RocksDbMemory memory = RocksDbMemory.ofTotal(TOTAL);
    List<RocksDbKeyValueStore> stores = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        stores.add(RocksDbKeyValueStore.open("s" + i, directory.resolve("s" + i), memory));
      }
      Random random = new Random(7);
      byte[] value = new byte[512];
      long written = 0;
      long peak = 0;
      for (long key = 0; written < 8 * TOTAL; key++) {
        random.nextBytes(value);
        stores
            .get((int) (key % stores.size()))
            .put(ByteBuffer.allocate(8).putLong(key).array(), value.clone());
        written += value.length + 8;
        if (key % 1000 == 0) {
          peak = Math.max(peak, memory.usedBytes());
        }
      }
      assertTrue(peak > 0, "memtables are charged to the shared cache");
      assertTrue(
          peak <= TOTAL * 5 / 4,
          "peak use " + peak + " bytes stays near the total of " + TOTAL + " bytes");
    } finally {
      stores.forEach(RocksDbKeyValueStore::close);
    }
  }
}
