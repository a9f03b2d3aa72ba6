package dev.millrace.parser;

import dev.millrace.grammar.MillraceSqlParser;
import dev.millrace.grammar.MillraceSqlParser.StatementContext;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.internal.AstBuilder;
import dev.millrace.parser.internal.ParseRunner;
import dev.millrace.parser.internal.Snippets;
import java.util.List;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The entry point: SQL text in, immutable AST out. Stateless and safe to share between threads.
 * Every error is a {@link ParseException} reading {@code line L:C: message}, positions relative to
 * the text given.
 */
public final class SqlParser {

  /**
   * Parses a script of statements separated by {@code ;} (the last may omit it). Each result
   * carries its exact original text and where it starts, so callers can log or echo it.
   */
  public List<ParsedStatement> parse(String script) {
    return withSnippet(
        script,
        () -> {
          AstBuilder builder = new AstBuilder();
          return ParseRunner.parse(script, MillraceSqlParser::statements).statement().stream()
              .map(statement -> parsed(script, statement, builder))
              .toList();
        });
  }

  /** Parses exactly one statement (a closing {@code ;} is allowed). */
  public Statement parseStatement(String text) {
    return withSnippet(
        text,
        () ->
            new AstBuilder()
                .statement(
                    ParseRunner.parse(text, MillraceSqlParser::singleStatement).statement()));
  }

  /** Parses a single expression, such as {@code a + 1 > b}. */
  public Expression parseExpression(String text) {
    return withSnippet(
        text,
        () ->
            new AstBuilder()
                .expression(
                    ParseRunner.parse(text, MillraceSqlParser::singleExpression).expression()));
  }

  private static ParsedStatement parsed(
      String script, StatementContext context, AstBuilder builder) {
    Token start = context.getStart();
    String text = textOf(script, context);
    return new ParsedStatement(
        builder.statement(context),
        text,
        new NodeLocation(start.getLine(), start.getCharPositionInLine() + 1));
  }

  private static String textOf(String script, ParserRuleContext context) {
    return script.substring(
        context.getStart().getStartIndex(), context.getStop().getStopIndex() + 1);
  }

  /** Runs a parse, attaching the caret snippet to any error it throws. */
  private static <T> T withSnippet(String text, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ParseException e) {
      if (!e.snippet().isEmpty()) {
        throw e;
      }
      throw new ParseException(
          e.line(), e.column(), e.reason(), Snippets.caret(text, e.line(), e.column()));
    }
  }
}
