package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlLexer;
import dev.millrace.parser.ParseException;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error and throws a {@link ParseException} worded for people:
 *
 * <ul>
 *   <li>a token where it cannot go: {@code mismatched input 'X' expecting ...};
 *   <li>a token that should just be removed: {@code extraneous input 'X' expecting ...};
 *   <li>a token that should be added: {@code missing ')' at 'X'};
 *   <li>no reading fits: {@code unexpected 'X'};
 *   <li>the text ends too early: {@code unexpected end of input, expecting ...};
 *   <li>a character the language does not use: {@code unexpected character '#'}, and an unclosed
 *       quote: {@code unterminated string} / {@code unterminated quoted identifier}.
 * </ul>
 *
 * The caret snippet is added by the facade, which knows the text.
 */
public final class ErrorStrategy extends DefaultErrorStrategy {

  @Override
  public void reportError(Parser parser, RecognitionException e) {
    if (e instanceof NoViableAltException noViable) {
      reportNoViableAlternative(parser, noViable);
    } else if (e instanceof InputMismatchException mismatch) {
      reportInputMismatch(parser, mismatch);
    } else {
      throw error(e.getOffendingToken(), "unexpected " + quote(e.getOffendingToken()));
    }
  }

  /**
   * No alternative fits. When the decision failed on its first token, the tokens the parser could
   * take there are worth listing; when it failed further on, they would describe the wrong place,
   * so only the offending token is named.
   */
  @Override
  protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
    Token offending = e.getOffendingToken();
    String expecting =
        e.getStartToken() == offending
            ? ", expecting " + ExpectedTokens.describe(parser, parser.getExpectedTokens())
            : "";
    throw error(offending, "unexpected " + quote(offending) + expecting);
  }

  @Override
  protected void reportInputMismatch(Parser parser, InputMismatchException e) {
    Token offending = e.getOffendingToken();
    String expected = ExpectedTokens.describe(parser, e.getExpectedTokens());
    if (offending.getType() == Token.EOF) {
      throw error(offending, "unexpected end of input, expecting " + expected);
    }
    throw error(offending, "mismatched input " + quote(offending) + " expecting " + expected);
  }

  @Override
  protected void reportUnwantedToken(Parser parser) {
    Token offending = parser.getCurrentToken();
    String expected = ExpectedTokens.describe(parser, getExpectedTokens(parser));
    throw error(offending, "extraneous input " + quote(offending) + " expecting " + expected);
  }

  @Override
  protected void reportMissingToken(Parser parser) {
    Token offending = parser.getCurrentToken();
    IntervalSet expected = getExpectedTokens(parser);
    String where = offending.getType() == Token.EOF ? "end of input" : quote(offending);
    throw error(offending, "missing " + ExpectedTokens.describe(parser, expected) + " at " + where);
  }

  private static ParseException error(Token offending, String reason) {
    if (offending.getType() == MillraceSqlLexer.UNRECOGNIZED) {
      reason = unrecognized(offending.getText());
    }
    return SyntaxErrors.at(offending, reason);
  }

  private static String unrecognized(String character) {
    return switch (character) {
      case "'" -> "unterminated string";
      case "`", "\"" -> "unterminated quoted identifier";
      default -> "unexpected character '" + character + "'";
    };
  }

  private static String quote(Token token) {
    return token.getType() == Token.EOF ? "end of input" : "'" + token.getText() + "'";
  }
}
