package dev.millrace.parser.internal;

import dev.millrace.parser.ParseException;
import org.antlr.v4.runtime.Token;

/**
 * Errors found while building the AST (the grammar accepted the text but it is not valid, such as a
 * number out of range). The facade adds the caret snippet, as it knows the whole text.
 */
final class SyntaxErrors {

  private SyntaxErrors() {}

  static ParseException at(Token token, String reason) {
    return new ParseException(token.getLine(), token.getCharPositionInLine() + 1, reason, "");
  }
}
