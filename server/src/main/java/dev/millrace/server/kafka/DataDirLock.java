package dev.millrace.server.kafka;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a broker's data, held while the broker runs. Kafka locks its log directory
 * only once the controller has already opened the metadata log, so a second broker on the same
 * directory corrupts the first one's metadata before it notices; this lock is taken before anything
 * is touched, in this JVM or another.
 */
final class DataDirLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code <logDir>/../kafka.lock}; fails if another broker holds it. */
  static DataDirLock acquire(Path logDir) {
    Path file = logDir.resolveSibling(logDir.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new DataDirLock(channel, lock);
      }
    } catch (OverlappingFileLockException heldInThisJvm) {
      // reported below like a lock held by another process
    } catch (IOException e) {
      closeQuietly(channel);
      throw new BrokerStartException("cannot lock " + file + ": " + e.getMessage(), e);
    }
    closeQuietly(channel);
    throw new BrokerStartException(
        "another embedded Kafka broker (another Millrace server?) is using the data in "
            + logDir
            + "; stop it or give this server another data directory",
        null);
  }

  /** Releases the lock; closing twice is harmless. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException ignored) {
      // closing the channel below releases the lock anyway
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing is left to release
    }
  }
}
