package dev.millrace.parser.ast;

/** Whether a statement is about a stream or a table. */
public enum SourceKind {
  STREAM,
  TABLE
}
