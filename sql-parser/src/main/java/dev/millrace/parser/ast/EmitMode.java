package dev.millrace.parser.ast;

/** {@code EMIT CHANGES} (every update) or {@code EMIT FINAL} (once per closed window). */
public enum EmitMode {
  CHANGES,
  FINAL
}
