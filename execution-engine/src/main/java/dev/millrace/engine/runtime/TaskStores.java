package dev.millrace.engine.runtime;

import dev.millrace.engine.state.ChangelogPartition;
import dev.millrace.engine.state.ChangelogRestorer;
import dev.millrace.engine.state.ChangelogWriter;
import dev.millrace.engine.state.ChangeloggingKeyValueStore;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.state.ReadCachingKeyValueStore;
import dev.millrace.engine.state.RocksDbKeyValueStore;
import dev.millrace.engine.state.RocksDbMemory;
import dev.millrace.engine.state.StateCheckpoint;
import dev.millrace.engine.state.StateStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The state stores of one task: RocksDB under {@code <taskDirectory>/<store>}, each backed by its
 * changelog partition. Opening restores a store from the changelog — from its checkpoint when the
 * local files were closed cleanly, else from scratch after wiping them — and then removes the
 * checkpoint, because from then on the files run ahead of it. Only a clean close writes it again.
 */
final class TaskStores implements AutoCloseable {
  /**
   * The memory each task gives each of its lookup stores ({@link
   * dev.millrace.engine.operator.SubTopology#lookupStores()}) for the rows read most recently: 1
   * MiB holds about 5,000 rows of a few short columns.
   */
  static final long LOOKUP_CACHE_BYTES = 1 << 20;

  /** Concurrent: pull queries look stores up from other threads. */
  private final Map<String, ChangeloggingKeyValueStore> stores = new ConcurrentHashMap<>();

  private final Map<String, Long> restoredPositions = new LinkedHashMap<>();
  private final Path taskDirectory;
  private final RocksDbMemory memory;

  private TaskStores(Path taskDirectory, RocksDbMemory memory) {
    this.taskDirectory = taskDirectory;
    this.memory = memory;
  }

  /**
   * Opens and restores {@code storeNames} for the task whose changelog partition is {@code
   * partition}, drawing on {@code memory}; reads of {@code lookupStores} go through a {@link
   * ReadCachingKeyValueStore} of {@link #LOOKUP_CACHE_BYTES}.
   */
  static TaskStores open(
      Path taskDirectory,
      List<String> storeNames,
      List<String> lookupStores,
      int partition,
      QueryNames names,
      ChangelogRestorer restorer,
      RocksDbMemory memory) {
    TaskStores task = new TaskStores(taskDirectory, memory);
    try {
      for (String name : storeNames) {
        task.openStore(
            name,
            new ChangelogPartition(names.changelogTopic(name), partition),
            restorer,
            lookupStores.contains(name));
      }
      return task;
    } catch (RuntimeException e) {
      task.closeDirty();
      throw e;
    }
  }

  private void openStore(
      String name, ChangelogPartition changelog, ChangelogRestorer restorer, boolean lookups) {
    Path directory = taskDirectory.resolve(name);
    StateCheckpoint checkpoint = StateCheckpoint.besideStore(directory);
    OptionalLong checkpointed = checkpoint.read();
    long end = restorer.endOffset(changelog);
    long from = 0;
    if (checkpointed.isPresent()
        && checkpointed.getAsLong() <= end
        && Files.isDirectory(directory)) {
      from = checkpointed.getAsLong();
    } else {
      // Not closed cleanly, the files are gone, or the changelog was recreated: start from nothing.
      deleteRecursively(directory);
    }
    checkpoint.delete();
    RocksDbKeyValueStore store = RocksDbKeyValueStore.open(name, directory, memory);
    try {
      restoredPositions.put(name, restorer.restore(store, changelog, from));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    // Restored before the cache is put in front: the cache must see every write after it.
    KeyValueStore read = lookups ? new ReadCachingKeyValueStore(store, LOOKUP_CACHE_BYTES) : store;
    stores.put(name, new ChangeloggingKeyValueStore(read, changelog));
  }

  KeyValueStore store(String name) {
    KeyValueStore store = stores.get(name);
    if (store == null) {
      throw new StateStoreException(
          "no state store " + name + " in task directory " + taskDirectory);
    }
    return store;
  }

  KeyValueStore storeIfPresent(String name) {
    return stores.get(name);
  }

  /** Sends every store's buffered writes to its changelog. */
  void sendChangelogs(ChangelogWriter writer) {
    stores.values().forEach(store -> store.sendChangelog(writer));
  }

  /**
   * Closes after a successful commit: flushes each store and checkpoints the changelog offset it
   * now reflects, so the next open restores only what came later.
   */
  void closeClean(QueryProducer producer) {
    for (Map.Entry<String, ChangeloggingKeyValueStore> entry : stores.entrySet()) {
      ChangeloggingKeyValueStore store = entry.getValue();
      store.flush();
      long position =
          producer.changelogPosition(store.changelog(), restoredPositions.get(entry.getKey()));
      store.close();
      StateCheckpoint.besideStore(taskDirectory.resolve(entry.getKey())).write(position);
    }
    stores.clear();
  }

  /** Closes without a checkpoint: the next open rebuilds the stores from their changelogs. */
  void closeDirty() {
    stores.values().forEach(KeyValueStore::close);
    stores.clear();
  }

  @Override
  public void close() {
    closeDirty();
  }

  /** Deletes {@code directory} and everything in it, if it exists. */
  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot wipe the state directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * The bytes the files under {@code directory} take, 0 when it does not exist. Read while the
   * stores run: a file RocksDB deletes meanwhile (compaction) simply no longer counts.
   */
  static long sizeOnDisk(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.mapToLong(TaskStores::sizeOrZero).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /**
   * The bytes the store {@code name} takes under {@code queryDirectory}, summed over the task
   * directories there ({@code <task>/<store>}).
   */
  static long storeSizeOnDisk(Path queryDirectory, String name) {
    if (!Files.isDirectory(queryDirectory)) {
      return 0;
    }
    try (Stream<Path> tasks = Files.list(queryDirectory)) {
      return tasks.mapToLong(task -> sizeOnDisk(task.resolve(name))).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static long sizeOrZero(Path path) {
    try {
      return Files.isRegularFile(path) ? Files.size(path) : 0;
    } catch (IOException gone) {
      return 0;
    }
  }
}
