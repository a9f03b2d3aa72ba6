package dev.millrace.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts SQL text into statements at each {@code ;} that is not inside a string ({@code '...'}), a
 * quoted identifier ({@code `...`}, {@code "..."}) or a comment ({@code -- ...}, {@code /* ...
 * *}{@code /}), and tells whether typed text is complete — ready to run — or continues on the next
 * line.
 */
public final class StatementSplitter {

  /** Shell commands that may be typed without a terminating {@code ;}, as in ksqlDB's CLI. */
  private static final Set<String> BARE_COMMANDS = Set.of("EXIT", "QUIT", "HELP");

  /**
   * The statements found, each from its first keyword to its {@code ;} (leading comments dropped),
   * and the remainder: text after the last {@code ;} that is more than blanks and comments.
   */
  public record Split(List<String> statements, String remainder) {

    public Split {
      statements = List.copyOf(statements);
    }
  }

  private enum State {
    CODE,
    STRING,
    BACKQUOTED,
    DOUBLE_QUOTED,
    LINE_COMMENT,
    BLOCK_COMMENT
  }

  private StatementSplitter() {}

  /** Splits {@code text} into complete statements and the unfinished remainder. */
  public static Split split(String text) {
    List<String> statements = new ArrayList<>();
    State state = State.CODE;
    int start = -1;
    int commentStart = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
      switch (state) {
        case CODE -> {
          if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
            i++;
          } else if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            commentStart = i;
            i++;
          } else if (c == ';') {
            if (start >= 0) {
              statements.add(text.substring(start, i + 1).strip());
            }
            start = -1;
          } else if (!Character.isWhitespace(c)) {
            start = start < 0 ? i : start;
            state =
                c == '\''
                    ? State.STRING
                    : c == '`' ? State.BACKQUOTED : c == '"' ? State.DOUBLE_QUOTED : State.CODE;
          }
        }
        case STRING, BACKQUOTED, DOUBLE_QUOTED -> {
          char quote = state == State.STRING ? '\'' : state == State.BACKQUOTED ? '`' : '"';
          if (c == quote && next == quote) {
            i++; // a doubled quote stands for the quote character itself
          } else if (c == quote) {
            state = State.CODE;
          }
        }
        case LINE_COMMENT -> state = c == '\n' ? State.CODE : state;
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') {
            state = State.CODE;
            i++;
          }
        }
      }
    }
    String remainder =
        start >= 0
            ? text.substring(start).strip()
            : state == State.BLOCK_COMMENT ? text.substring(commentStart) : "";
    return new Split(statements, remainder);
  }

  /**
   * True when {@code text} can run as typed: every statement is closed by a {@code ;} outside
   * quotes and comments, or what is left is a bare {@code exit}, {@code quit} or {@code help}.
   */
  public static boolean isComplete(String text) {
    String remainder = split(text).remainder();
    return remainder.isEmpty() || isBareCommand(remainder);
  }

  /** True for {@code exit}, {@code quit} and {@code help} typed without a {@code ;}. */
  public static boolean isBareCommand(String text) {
    return BARE_COMMANDS.contains(text.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The statement's first word in upper case ({@code SELECT}, {@code CREATE}, ...); empty if none.
   */
  public static String firstKeyword(String statement) {
    int end = 0;
    while (end < statement.length() && Character.isLetter(statement.charAt(end))) {
      end++;
    }
    return statement.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
