package dev.millrace.parser.ast;

/**
 * Where a node starts in the statement text: 1-based line and 1-based column, printed the way
 * ksqlDB prints positions ({@code line 1:8}).
 *
 * <p>Every AST record carries one as its last component. Two nodes that say the same thing are
 * equal wherever they were written, so that a parsed tree equals a hand-built tree or the tree of
 * its formatted text: this record's {@code equals} is therefore always {@code true} and its hash
 * code constant. Compare {@link #line()} and {@link #column()} explicitly when the position itself
 * matters.
 */
public record NodeLocation(int line, int column) {

  /** The location of nodes made by code rather than parsed from text. */
  public static final NodeLocation NONE = new NodeLocation(0, 0);

  /** Whether this location points into real text (synthetic nodes use {@link #NONE}). */
  public boolean isKnown() {
    return line > 0;
  }

  /** Formats as ksqlDB does in messages: {@code line 3:14}. */
  public String describe() {
    return "line " + line + ":" + column;
  }

  /** Always true: locations never take part in AST equality (see the class comment). */
  @Override
  public boolean equals(Object other) {
    return other instanceof NodeLocation;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
