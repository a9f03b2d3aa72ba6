package dev.millrace.engine.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.rocksdb.FlushOptions;
import org.rocksdb.Holder;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A key-value store in one RocksDB database, in its own directory. The write-ahead log is off: the
 * changelog topic is the durable copy, and a store whose directory has no valid checkpoint is
 * rebuilt from it (see {@link ChangelogRestorer}).
 *
 * <p>Safe to read from other threads (pull queries) while the owning task writes. Every call after
 * {@link #close()} fails with {@link IllegalStateException} rather than touching freed native
 * memory, which would crash the JVM.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final String name;
  private final Path directory;
  private final RocksDbResources resources;
  private final RocksDB db;
  private final WriteOptions writeOptions;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksDbKeyValueStore(
      String name, Path directory, RocksDbResources resources, RocksDB db) {
    this.name = name;
    this.directory = directory;
    this.resources = resources;
    this.db = db;
    this.writeOptions = new WriteOptions().setDisableWAL(true);
  }

  /**
   * Opens (creating if needed) the store {@code name} in {@code directory}, its block cache and
   * memtables drawn from {@code memory}.
   */
  public static RocksDbKeyValueStore open(String name, Path directory, RocksDbMemory memory) {
    RocksDbResources resources = new RocksDbResources(memory);
    try {
      Files.createDirectories(directory);
      RocksDB db = RocksDB.open(resources.options(), directory.toString());
      return new RocksDbKeyValueStore(name, directory, resources, db);
    } catch (IOException e) {
      resources.close();
      throw new UncheckedIOException("cannot create state directory " + directory, e);
    } catch (RocksDBException e) {
      resources.close();
      throw new StateStoreException(
          "cannot open state store " + name + " in " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The directory holding this store's files. */
  public Path directory() {
    return directory;
  }

  @Override
  public byte[] get(byte[] key) {
    lifecycle.readLock().lock();
    try {
      checkOpen();
      // RocksJava answers a get of an absent key by throwing and catching a C++ exception, which
      // costs more than the lookup itself; aggregations look up a new key on most records.
      // keyMayExist answers from memory (memtables, cached filters and blocks) without one, and
      // leaves to the get only a key whose blocks are not in the cache.
      Holder<byte[]> inMemory = new Holder<>();
      if (!db.keyMayExist(key, inMemory)) {
        return null;
      }
      return inMemory.getValue() != null ? inMemory.getValue() : db.get(key);
    } catch (RocksDBException e) {
      throw failure("read", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void put(byte[] key, byte[] value) {
    if (value == null) {
      delete(key);
      return;
    }
    lifecycle.readLock().lock();
    try {
      checkOpen();
      db.put(writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void delete(byte[] key) {
    lifecycle.readLock().lock();
    try {
      checkOpen();
      db.delete(writeOptions, key);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void range(byte[] from, byte[] to, BiConsumer<byte[], byte[]> visitor) {
    lifecycle.readLock().lock();
    try (Slice upper = to == null ? null : new Slice(to);
        ReadOptions read = new ReadOptions()) {
      checkOpen();
      if (upper != null) {
        read.setIterateUpperBound(upper);
      }
      try (RocksIterator it = db.newIterator(read)) {
        if (from == null) {
          it.seekToFirst();
        } else {
          it.seek(from);
        }
        for (; it.isValid(); it.next()) {
          visitor.accept(it.key(), it.value());
        }
        it.status();
      }
    } catch (RocksDBException e) {
      throw failure("scan", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void putAll(Map<byte[], byte[]> entries) {
    lifecycle.readLock().lock();
    try (WriteBatch batch = new WriteBatch()) {
      checkOpen();
      for (Map.Entry<byte[], byte[]> entry : entries.entrySet()) {
        if (entry.getValue() == null) {
          batch.delete(entry.getKey());
        } else {
          batch.put(entry.getKey(), entry.getValue());
        }
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw failure("write", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void flush() {
    lifecycle.readLock().lock();
    try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
      checkOpen();
      db.flush(options);
    } catch (RocksDBException e) {
      throw failure("flush", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Flushes what is in memory and frees the native resources; later calls fail. Idempotent. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
        db.flush(options);
      } catch (RocksDBException e) {
        // The changelog still holds every write; a store that failed to flush is restored from it.
      }
      db.close();
      writeOptions.close();
      resources.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("state store " + name + " is closed");
    }
  }

  private StateStoreException failure(String action, RocksDBException e) {
    return new StateStoreException(
        "cannot " + action + " state store " + name + ": " + e.getMessage(), e);
  }
}
