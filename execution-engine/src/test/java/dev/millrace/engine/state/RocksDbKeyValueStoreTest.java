package dev.millrace.engine.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbKeyValueStoreTest extends KeyValueStoreContract {
  @TempDir Path directory;

  @Override
  protected KeyValueStore newStore(String name) {
    return RocksDbKeyValueStore.open(name, directory.resolve(name), RocksDbMemory.defaultPool());
  }

  @Test
  void contentsSurviveCloseAndReopen() {
    store.put(bytes("a"), bytes("1"));
    store.close();
    store = newStore("contract");
    assertArrayEquals(bytes("1"), store.get(bytes("a")));
  }

  @Test
  void keysInFilesOnlyAreFoundAndOthersAreNot() {
    // After a reopen the keys are in files whose blocks the cache may not hold yet.
    store.put(bytes("a"), bytes("1"));
    store.put(bytes("c"), bytes("3"));
    store.close();
    store = newStore("contract");
    assertNull(store.get(bytes("b")));
    assertArrayEquals(bytes("3"), store.get(bytes("c")));
    assertNull(store.get(bytes("d")));
    assertArrayEquals(bytes("1"), store.get(bytes("a")));
  }

  @Test
  void useAfterCloseFailsInsteadOfCrashing() {
    store.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> store.get(bytes("a")));
    assertEquals("state store contract is closed", e.getMessage());
  }
}
