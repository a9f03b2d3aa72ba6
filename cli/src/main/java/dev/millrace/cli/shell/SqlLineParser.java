package dev.millrace.cli.shell;

import dev.millrace.cli.command.StatementSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells jline when typed text is a whole statement. Enter on an unfinished statement (no closing
 * {@code ;}, or an open quote or comment) continues it on the next line instead of running it.
 * Words for completion are split on blanks, without jline's shell-style quotes and escapes, which
 * mean something else in SQL.
 */
final class SqlLineParser implements Parser {

  private final DefaultParser words =
      new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0]);

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !StatementSplitter.isComplete(line)) {
      throw new EOFError(-1, cursor, "statement continues until ';'", ";");
    }
    return words.parse(line, cursor, context);
  }
}
