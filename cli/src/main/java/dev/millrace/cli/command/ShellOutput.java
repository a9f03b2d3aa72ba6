package dev.millrace.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/**
 * Where the shell writes: the screen, and while {@code SPOOL} is on also a file. Knows the screen's
 * width so tables can fit it.
 */
public final class ShellOutput implements AutoCloseable {

  private final PrintWriter screen;
  private final IntSupplier width;
  private Writer spool;

  /** Output to {@code screen}, which is {@code width} columns wide (asked again for each table). */
  public ShellOutput(PrintWriter screen, IntSupplier width) {
    this.screen = screen;
    this.width = width;
  }

  /** Prints text as is and flushes, so rows of a running query show at once. */
  public void print(String text) {
    screen.print(text);
    screen.flush();
    if (spool != null) {
      try {
        spool.write(text);
        spool.flush();
      } catch (IOException e) {
        stopSpool();
        screen.println("Spooling stopped: " + e.getMessage());
        screen.flush();
      }
    }
  }

  /** Prints one line. */
  public void println(String line) {
    print(line + "\n");
  }

  /** Columns available on the screen. */
  public int width() {
    int columns = width.getAsInt();
    return columns > 0 ? columns : 100;
  }

  /** Starts copying all output to {@code file} (replacing its content), ending a previous spool. */
  public void spoolTo(Path file) throws IOException {
    stopSpool();
    spool = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /** Stops spooling; returns false if it was not on. */
  public boolean stopSpool() {
    if (spool == null) {
      return false;
    }
    try {
      spool.close();
    } catch (IOException ignored) {
      // Everything written was flushed already; a failing close loses nothing.
    }
    spool = null;
    return true;
  }

  @Override
  public void close() {
    stopSpool();
    screen.flush();
  }
}
