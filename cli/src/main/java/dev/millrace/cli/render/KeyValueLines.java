package dev.millrace.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled values, one per line, with the colons aligned:
 *
 * <pre>
 * Name         : PAGEVIEWS
 * Value format : JSON
 * </pre>
 *
 * Empty values are left out; a value of several lines continues under its first line.
 */
final class KeyValueLines {

  private record Line(String label, String value) {}

  private final List<Line> lines = new ArrayList<>();

  KeyValueLines add(String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add(new Line(label, value.strip()));
    }
    return this;
  }

  String render() {
    int width = lines.stream().mapToInt(line -> line.label().length()).max().orElse(0);
    String indent = " ".repeat(width + 3);
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      String label = line.label() + " ".repeat(width - line.label().length()) + " : ";
      out.append(label).append(line.value().replace("\n", "\n" + indent)).append('\n');
    }
    return out.toString();
  }
}
