package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlParser.BackQuotedIdentifierContext;
import dev.millrace.grammar.MillraceSqlParser.DoubleQuotedIdentifierContext;
import dev.millrace.grammar.MillraceSqlParser.IdentifierContext;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/**
 * ksqlDB's naming rules: unquoted identifiers are upper-cased, quoted ones ({@code `name`} or
 * {@code "name"}) keep their case.
 */
final class Identifiers {

  private Identifiers() {}

  /** The normalised name an identifier stands for. */
  static String name(IdentifierContext identifier) {
    return quoted(identifier)
        ? verbatim(identifier)
        : identifier.getText().toUpperCase(Locale.ROOT);
  }

  /** The identifier as written, without quotes but without upper-casing either. */
  static String verbatim(IdentifierContext identifier) {
    if (identifier instanceof BackQuotedIdentifierContext quoted) {
      return unquote(quoted.getText(), '`');
    }
    if (identifier instanceof DoubleQuotedIdentifierContext quoted) {
      return unquote(quoted.getText(), '"');
    }
    return identifier.getText();
  }

  /** Whether the identifier is quoted, and so names exactly what it spells. */
  static boolean quoted(IdentifierContext identifier) {
    return identifier instanceof BackQuotedIdentifierContext
        || identifier instanceof DoubleQuotedIdentifierContext;
  }

  /** The value of a {@code '...'} string token, with {@code ''} turned back into {@code '}. */
  static String string(Token token) {
    return unquote(token.getText(), '\'');
  }

  private static String unquote(String text, char quote) {
    String doubled = String.valueOf(quote) + quote;
    return text.substring(1, text.length() - 1).replace(doubled, String.valueOf(quote));
  }
}
