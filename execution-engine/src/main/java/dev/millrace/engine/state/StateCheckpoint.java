package dev.millrace.engine.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The checkpoint of one local store: a small file holding the changelog offset up to which the
 * store's files reflect the changelog (the next offset to restore from). It exists only while the
 * files are known to be consistent — written after a clean close, deleted as soon as the store
 * takes new writes — so a store without one was not closed cleanly and is rebuilt from the
 * changelog.
 */
public final class StateCheckpoint {
  private final Path file;

  public StateCheckpoint(Path file) {
    this.file = file;
  }

  /** The checkpoint that sits beside a store directory: {@code <dir>.checkpoint}. */
  public static StateCheckpoint besideStore(Path storeDirectory) {
    return new StateCheckpoint(
        storeDirectory.resolveSibling(storeDirectory.getFileName() + ".checkpoint"));
  }

  /** The recorded offset, or empty when there is no (readable) checkpoint. */
  public OptionalLong read() {
    try {
      if (!Files.exists(file)) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      // A torn or unreadable checkpoint is no checkpoint: the store is rebuilt from the changelog.
      return OptionalLong.empty();
    }
  }

  /**
   * Records {@code offset} atomically (write a temporary file, then rename it over the old one).
   */
  public void write(long offset) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(temporary, Long.toString(offset), StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write state checkpoint " + file, e);
    }
  }

  /** Removes the checkpoint: from now on the store's files may run ahead of the changelog. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete state checkpoint " + file, e);
    }
  }
}
