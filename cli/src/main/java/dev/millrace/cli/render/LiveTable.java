package dev.millrace.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The box a query's rows are printed into while they arrive. The widths are fixed up front, since
 * rows come one at a time: each column is as wide as its type usually needs (and at least as wide
 * as its name), and text-like columns share the rest of the screen. Longer values wrap.
 */
public final class LiveTable {

  /** Text-like columns never get less than this, even on a crowded screen. */
  private static final int MIN_FLEXIBLE = 10;

  /** ...nor more than this, so a wide screen does not spread a few short strings too thin. */
  private static final int MAX_FLEXIBLE = 60;

  private final int[] widths;
  private final List<String> names;

  private LiveTable(List<String> names, int[] widths) {
    this.names = List.copyOf(names);
    this.widths = widths;
  }

  /** Lays out columns with these names and SQL types for a screen {@code maxWidth} wide. */
  public static LiveTable layout(List<String> names, List<String> types, int maxWidth) {
    int[] widths = new int[names.size()];
    int fixedTotal = 3 * names.size() + 1;
    int flexible = 0;
    for (int column = 0; column < widths.length; column++) {
      String type = column < types.size() ? types.get(column) : "STRING";
      widths[column] = typicalWidth(type);
      if (widths[column] == 0) {
        flexible++;
      } else {
        widths[column] = Math.max(widths[column], names.get(column).length());
        fixedTotal += widths[column];
      }
    }
    int share = flexible == 0 ? 0 : (maxWidth - fixedTotal) / flexible;
    int flexibleWidth = Math.min(MAX_FLEXIBLE, Math.max(MIN_FLEXIBLE, share));
    for (int column = 0; column < widths.length; column++) {
      if (widths[column] == 0) {
        widths[column] = Math.max(flexibleWidth, names.get(column).length());
      }
    }
    return new LiveTable(names, widths);
  }

  /** The top border, the column names and the line under them. */
  public String header() {
    String border = TextTable.border(widths);
    StringBuilder out = new StringBuilder(border);
    TextTable.appendRow(out, names, widths);
    return out.append(border).toString();
  }

  /** One row of values, one or more screen lines. */
  public String row(JsonNode values) {
    List<String> cells = new ArrayList<>();
    values.forEach(value -> cells.add(Cells.value(value)));
    StringBuilder out = new StringBuilder();
    TextTable.appendRow(out, cells, widths);
    return out.toString();
  }

  /** The bottom border. */
  public String footer() {
    return TextTable.border(widths);
  }

  /** Width a value of this type usually needs; 0 for text-like types that take what is left. */
  private static int typicalWidth(String type) {
    String base = type.toUpperCase(Locale.ROOT).replaceAll("[(<].*", "").strip();
    return switch (base) {
      case "BOOLEAN" -> 7;
      case "INT", "INTEGER" -> 11;
      case "BIGINT" -> 20;
      case "DOUBLE", "DECIMAL" -> 18;
      case "DATE" -> 10;
      case "TIME" -> 12;
      case "TIMESTAMP" -> 23;
      default -> 0;
    };
  }
}
