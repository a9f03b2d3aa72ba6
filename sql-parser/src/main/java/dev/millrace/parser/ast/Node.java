package dev.millrace.parser.ast;

/** Any AST node: an immutable value that remembers where it was written. */
public interface Node {

  /** Where the node starts in the statement text ({@link NodeLocation#NONE} when synthetic). */
  NodeLocation location();
}
