package dev.millrace.parser;

/**
 * A syntax error. {@link #getMessage()} reads {@code line L:C: what went wrong}; {@link #snippet()}
 * shows the offending line with a caret under the column, for shells.
 */
public final class ParseException extends RuntimeException {

  private final int line;
  private final int column;
  private final String reason;
  private final String snippet;

  /**
   * @param line 1-based line of the offending token
   * @param column 1-based column of the offending token
   * @param reason what is wrong, without the position prefix
   * @param snippet the offending source line and a caret line, or empty
   */
  public ParseException(int line, int column, String reason, String snippet) {
    super("line " + line + ":" + column + ": " + reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.snippet = snippet;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without its {@code line L:C: } prefix. */
  public String reason() {
    return reason;
  }

  /** The offending line and a caret under the column (two lines), or empty if unknown. */
  public String snippet() {
    return snippet;
  }
}
