package dev.millrace.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text under a header, drawn as an aligned box:
 *
 * <pre>
 * +------+-------+
 * | Name | Topic |
 * +------+-------+
 * | S    | s     |
 * +------+-------+
 * </pre>
 *
 * Columns are as wide as their widest cell; when the box would be wider than the screen the widest
 * columns give way first and their cells wrap onto more lines.
 */
public record TextTable(List<String> headers, List<List<String>> rows) {

  /** Narrowest a column is squeezed to when the screen is too small for the table. */
  private static final int MIN_WIDTH = 8;

  public TextTable {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** The table drawn in at most {@code maxWidth} columns of screen, ending with a newline. */
  public String render(int maxWidth) {
    int[] widths = fit(naturalWidths(), maxWidth);
    String border = border(widths);
    StringBuilder out = new StringBuilder(border);
    appendRow(out, headers, widths);
    out.append(border);
    rows.forEach(row -> appendRow(out, row, widths));
    if (!rows.isEmpty()) {
      out.append(border);
    }
    return out.toString();
  }

  static String border(int[] widths) {
    StringBuilder line = new StringBuilder("+");
    for (int width : widths) {
      line.append("-".repeat(width + 2)).append('+');
    }
    return line.append('\n').toString();
  }

  /** Appends one row, as many screen lines as its tallest wrapped cell. */
  static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int column = 0; column < widths.length; column++) {
      String cell = column < cells.size() ? cells.get(column) : "";
      List<String> lines = TextWrap.wrap(cell, widths[column]);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int line = 0; line < height; line++) {
      out.append('|');
      for (int column = 0; column < widths.length; column++) {
        List<String> lines = wrapped.get(column);
        String text = line < lines.size() ? lines.get(line) : "";
        out.append(' ')
            .append(text)
            .append(" ".repeat(widths[column] - text.length()))
            .append(" |");
      }
      out.append('\n');
    }
  }

  private int[] naturalWidths() {
    int[] widths = new int[headers.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = longestLine(headers.get(column));
      for (List<String> row : rows) {
        if (column < row.size()) {
          widths[column] = Math.max(widths[column], longestLine(row.get(column)));
        }
      }
    }
    return widths;
  }

  private static int[] fit(int[] widths, int maxWidth) {
    int total = 3 * widths.length + 1;
    for (int width : widths) {
      total += width;
    }
    while (total > maxWidth) {
      int widest = widestColumn(widths);
      if (widths[widest] <= MIN_WIDTH) {
        break;
      }
      widths[widest]--;
      total--;
    }
    return widths;
  }

  private static int widestColumn(int[] widths) {
    int widest = 0;
    for (int column = 1; column < widths.length; column++) {
      if (widths[column] > widths[widest]) {
        widest = column;
      }
    }
    return widest;
  }

  private static int longestLine(String text) {
    return text.lines().mapToInt(String::length).max().orElse(0);
  }
}
