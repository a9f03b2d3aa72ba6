package dev.millrace.parser.internal;

/** The caret picture under an error: the offending line, and a {@code ^} under the column. */
public final class Snippets {

  private Snippets() {}

  /**
   * Two lines: source line {@code line} of {@code text}, then a caret at {@code column} (1-based).
   */
  public static String caret(String text, int line, int column) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (line < 1 || line > lines.length) {
      return "";
    }
    String source = lines[line - 1];
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < column - 1 && i < source.length(); i++) {
      pointer.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    for (int i = source.length(); i < column - 1; i++) {
      pointer.append(' ');
    }
    return source + "\n" + pointer + "^";
  }
}
