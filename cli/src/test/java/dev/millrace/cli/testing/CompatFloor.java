package dev.millrace.cli.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The least pass counts of the compatibility suite, from {@code compat/floor.txt}: lines {@code
 * plain N} and {@code overall N}; {@code #} starts a comment.
 */
record CompatFloor(int plain, int overall) {

  static CompatFloor read(Path file) throws IOException {
    Integer plain = null;
    Integer overall = null;
    int number = 0;
    for (String line : Files.readAllLines(file)) {
      number++;
      String text = line.replaceFirst("#.*", "").strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] words = text.split("\\s+");
      if (words.length != 2
          || !words[1].matches("\\d+")
          || !(words[0].equals("plain") || words[0].equals("overall"))) {
        throw new IllegalArgumentException(
            file + ":" + number + ": expected 'plain N' or 'overall N', got '" + text + "'");
      }
      if (words[0].equals("plain")) {
        plain = Integer.parseInt(words[1]);
      } else {
        overall = Integer.parseInt(words[1]);
      }
    }
    if (plain == null || overall == null) {
      throw new IllegalArgumentException(file + ": needs both a 'plain N' and an 'overall N' line");
    }
    return new CompatFloor(plain, overall);
  }

  /** What fell below the floor, if anything. */
  Optional<String> shortfall(int plainPassed, int overallPassed) {
    StringBuilder below = new StringBuilder();
    if (plainPassed < plain) {
      below
          .append("plain cases passed: ")
          .append(plainPassed)
          .append(", below the floor of ")
          .append(plain)
          .append(". ");
    }
    if (overallPassed < overall) {
      below
          .append("all cases passed: ")
          .append(overallPassed)
          .append(", below the floor of ")
          .append(overall)
          .append(". ");
    }
    return below.length() == 0 ? Optional.empty() : Optional.of(below.toString().strip());
  }
}
