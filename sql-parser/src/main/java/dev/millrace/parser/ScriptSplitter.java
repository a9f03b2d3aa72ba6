package dev.millrace.parser;

import dev.millrace.parser.ast.NodeLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a script into statements at top-level {@code ;}, without parsing them. Semicolons inside
 * {@code '...'} strings (with {@code ''} escapes), {@code `...`} and {@code "..."} identifiers,
 * {@code --} line comments and {@code /* *}{@code /} block comments do not count. Empty statements
 * (only white space and comments) are dropped. Used by the shell to know when input is complete and
 * by the script runners to run statements one at a time.
 */
public final class ScriptSplitter {

  private ScriptSplitter() {}

  /** The statements of {@code script}, in order. */
  public static List<StatementText> split(String script) {
    return new Scan(script).run();
  }

  /** One pass over the script, tracking line and column of the current character. */
  private static final class Scan {
    private final String script;
    private final List<StatementText> statements = new ArrayList<>();
    private int position;
    private int line = 1;
    private int column = 1;
    private int start = -1;
    private NodeLocation startLocation;
    private int end;

    Scan(String script) {
      this.script = script;
    }

    List<StatementText> run() {
      while (position < script.length()) {
        char c = script.charAt(position);
        if (c == ';') {
          finish(true);
          advance(1);
        } else if (startsWith("--")) {
          skipUntil("\n", false);
        } else if (startsWith("/*")) {
          skipUntil("*/", true);
        } else if (Character.isWhitespace(c)) {
          advance(1);
        } else if (c == '\'' || c == '`' || c == '"') {
          markSignificant();
          quoted(c);
        } else {
          markSignificant();
          advance(1);
          end = position;
        }
      }
      finish(false);
      return statements;
    }

    private void quoted(char quote) {
      advance(1);
      while (position < script.length()) {
        if (script.charAt(position) == quote) {
          if (position + 1 < script.length() && script.charAt(position + 1) == quote) {
            advance(2);
            continue;
          }
          advance(1);
          end = position;
          return;
        }
        advance(1);
      }
      end = position;
      finish(false);
    }

    /** Skips a comment; a block comment that never closes leaves the statement unfinished. */
    private void skipUntil(String terminator, boolean required) {
      int close = script.indexOf(terminator, position + 2);
      if (close >= 0) {
        advance(close + terminator.length() - position);
        return;
      }
      advance(script.length() - position);
      if (required) {
        finish(false);
      }
    }

    private void markSignificant() {
      if (start < 0) {
        start = position;
        startLocation = new NodeLocation(line, column);
      }
    }

    private void finish(boolean terminated) {
      if (start >= 0) {
        statements.add(
            new StatementText(
                script.substring(start, end).stripTrailing(), startLocation, terminated));
      }
      start = -1;
    }

    private boolean startsWith(String prefix) {
      return script.startsWith(prefix, position);
    }

    private void advance(int count) {
      for (int i = 0; i < count; i++) {
        if (script.charAt(position) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
        position++;
      }
    }
  }
}
