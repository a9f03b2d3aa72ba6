package dev.millrace.cli.testing;

import java.io.PrintStream;

/**
 * Prints one line per finished test: {@code PASS name}, {@code FAIL name} followed by the indented
 * difference, {@code SKIP name: reason}, {@code ERROR name: message}.
 */
final class ResultPrinter {
  private final PrintStream out;

  ResultPrinter(PrintStream out) {
    this.out = out;
  }

  void print(CaseResult result) {
    String message = result.message() == null ? "" : result.message().strip();
    switch (result.status()) {
      case PASS -> out.println("PASS " + result.test());
      case FAIL -> {
        out.println("FAIL " + result.test());
        message.lines().forEach(line -> out.println("  " + line));
      }
      case SKIP, ERROR -> {
        String[] lines = message.split("\n", 2);
        out.println(result.status() + " " + result.test() + ": " + lines[0]);
        if (lines.length > 1) {
          lines[1].lines().forEach(line -> out.println("  " + line));
        }
      }
    }
    out.flush();
  }

  /** Names the file whose results follow, when a run covers more than one. */
  void file(String name) {
    out.println("== " + name);
  }
}
