package dev.millrace.cli.shell;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real terminal for tests: a detached tmux session on a private socket, driven by keystrokes and
 * read back as the rendered screen.
 */
final class Tmux implements AutoCloseable {

  /** How long to wait for the screen to show something before failing the test. */
  private static final long PATIENCE_MILLIS = 60_000;

  private static final String EXIT_MARK = "[exit status ";
  private static final Pattern EXIT_STATUS = Pattern.compile(Pattern.quote(EXIT_MARK) + "(\\d+)]");

  private final String socket = "millrace-test-" + UUID.randomUUID();

  /**
   * Starts {@code command} (a shell command line) in a terminal of this size. When it ends, the
   * terminal's shell prints its exit status: tmux itself does not always learn a pane's status (it
   * may see the terminal close without reaping the process), so the status is read off the screen.
   */
  static Tmux start(String command, int width, int height) throws IOException {
    Tmux tmux = new Tmux();
    tmux.tmux(
        "new-session",
        "-d",
        "-x",
        String.valueOf(width),
        "-y",
        String.valueOf(height),
        command + "; echo \"" + EXIT_MARK + "$?]\"",
        ";",
        "set-option",
        "remain-on-exit",
        "on");
    return tmux;
  }

  /** Types text literally. */
  void type(String text) throws IOException {
    // tmux reads an argument ending in ';' as a command separator unless it is escaped.
    tmux(
        "send-keys",
        "-l",
        text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text);
  }

  /** Presses a key by its tmux name: {@code Enter}, {@code Tab}, {@code C-c}, ... */
  void press(String key) throws IOException {
    tmux("send-keys", key);
  }

  /** The screen as shown, trailing blank lines dropped. */
  String screen() throws IOException {
    return tmux("capture-pane", "-p").stripTrailing() + "\n";
  }

  /**
   * Waits until the screen satisfies {@code condition}; fails with the screen when it never does.
   */
  String awaitScreen(String description, Predicate<String> condition) throws IOException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (true) {
      String screen = screen();
      if (condition.test(screen)) {
        return screen;
      }
      if (System.currentTimeMillis() > deadline) {
        fail("The terminal never showed " + description + ". Screen:\n" + screen);
      }
      pause();
    }
  }

  /** Waits for the program to end and returns its exit status. */
  int awaitExit() throws IOException {
    Matcher status =
        EXIT_STATUS.matcher(
            awaitScreen("the program's exit status", s -> EXIT_STATUS.matcher(s).find()));
    status.find();
    return Integer.parseInt(status.group(1));
  }

  @Override
  public void close() throws IOException {
    tmux("kill-server");
  }

  private String tmux(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TERM", "xterm-256color");
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True when tmux can be run here. */
  static boolean installed() {
    try {
      return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
