package dev.millrace.parser.internal;

import dev.millrace.parser.ast.NodeLocation;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR positions (1-based line, 0-based column) into {@link NodeLocation}s (both 1-based).
 */
final class Locations {

  private Locations() {}

  static NodeLocation of(ParserRuleContext context) {
    return of(context.getStart());
  }

  static NodeLocation of(Token token) {
    return new NodeLocation(token.getLine(), token.getCharPositionInLine() + 1);
  }
}
