package dev.millrace.parser;

import dev.millrace.parser.ast.NodeLocation;
import java.util.Objects;

/**
 * One statement's text as cut from a script by {@link ScriptSplitter}: from its first significant
 * character up to, not including, its {@code ;}, trailing white space removed. {@code start} is
 * where it begins in the script. {@code terminated} is false for a final statement with no {@code
 * ;} yet (a shell keeps reading) or one inside an unclosed quote or comment.
 */
public record StatementText(String text, NodeLocation start, boolean terminated) {

  public StatementText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(start, "start");
  }
}
