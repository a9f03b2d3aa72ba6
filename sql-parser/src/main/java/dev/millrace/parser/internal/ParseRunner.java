package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlLexer;
import dev.millrace.grammar.MillraceSqlParser;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs the generated parser on some text. It first tries ANTLR's fast SLL prediction, which accepts
 * nearly all real statements; only when that fails does it re-parse with full LL prediction, which
 * either succeeds or reports the error through {@link ErrorStrategy}. Text nested beyond {@link
 * NestingLimit} is refused before either.
 */
public final class ParseRunner {

  private ParseRunner() {}

  /** Parses {@code text} with the given entry rule, e.g. {@code MillraceSqlParser::statements}. */
  public static <T extends ParserRuleContext> T parse(
      String text, Function<MillraceSqlParser, T> entryRule) {
    CommonTokenStream tokens = new CommonTokenStream(lexer(text));
    tokens.fill();
    NestingLimit.check(tokens.getTokens());
    MillraceSqlParser parser = new MillraceSqlParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return entryRule.apply(parser);
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new ErrorStrategy());
      return entryRule.apply(parser);
    }
  }

  private static MillraceSqlLexer lexer(String text) {
    MillraceSqlLexer lexer = new MillraceSqlLexer(CharStreams.fromString(text));
    // Every character forms some token (UNRECOGNIZED catches the rest), so the lexer never
    // reports errors of its own; the parser reports the odd token with its position.
    lexer.removeErrorListeners();
    return lexer;
  }
}
