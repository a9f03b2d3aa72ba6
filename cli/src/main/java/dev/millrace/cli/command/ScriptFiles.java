package dev.millrace.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads SQL script files, failing with a message fit for the shell. */
public final class ScriptFiles {

  private ScriptFiles() {}

  /**
   * The text of {@code file}.
   *
   * @throws IOException with a message such as {@code Cannot read script x.sql: no such file}
   */
  public static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("Cannot read script " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IOException("Cannot read script " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new IOException("Cannot read script " + file + ": " + e.getMessage(), e);
    }
  }
}
