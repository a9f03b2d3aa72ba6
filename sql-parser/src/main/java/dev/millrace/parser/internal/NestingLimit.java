package dev.millrace.parser.internal;

import static dev.millrace.grammar.MillraceSqlLexer.*;

import dev.millrace.parser.ParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Refuses statements nested more deeply than {@link #MAX_DEPTH} levels before they are parsed. The
 * parser, the AST builder and every later stage (formatter, analyzer, Calcite, the engine's
 * expression compiler) walk expressions recursively, so unbounded nesting would end in a stack
 * overflow instead of an error that says where. Each of these adds one level while it lasts:
 *
 * <ul>
 *   <li>an open parenthesis, bracket, {@code CASE} or type parameter list ({@code ARRAY<...>});
 *   <li>each arithmetic, {@code ||}, {@code ->} or subscript operator in an unbroken chain, since
 *       {@code a + b + c} nests the first sum inside the second;
 *   <li>each {@code NOT}, sign or {@code EXPLAIN} in a row;
 *   <li>each {@code JOIN} of a statement, since every join nests the ones before it.
 * </ul>
 *
 * {@code AND} and {@code OR} chains add nothing, however long: the AST builder folds them into
 * balanced trees. The check reads tokens only, so it costs one pass over the text.
 */
final class NestingLimit {

  /** The documented limit (docs/rest-api.md, "Limits"). */
  static final int MAX_DEPTH = 200;

  /** Tokens that end an operand chain: what follows starts a new, lower-precedence operand. */
  private static final Set<Integer> CHAIN_BREAKS =
      Set.of(
          EQ, NEQ, LT, LTE, GT, GTE, AND, OR, COMMA, IS, BETWEEN, IN, LIKE, WHEN, THEN, ELSE,
          SEMICOLON, LAMBDA, ASSIGN, AS, SELECT, FROM, ON, WHERE, GROUP, PARTITION, HAVING, EMIT,
          LIMIT);

  /**
   * Tokens after which an operand starts, so that {@code -} and {@code +} are signs, {@code *}
   * means all columns and {@code [} opens an array. After any other token (a name, a literal, a
   * closing bracket; names include the many non-reserved keywords) they are operators.
   */
  private static final Set<Integer> OPERAND_STARTS =
      Set.of(
          EOF, LPAREN, LBRACKET, COMMA, DOT, EQ, NEQ, LT, LTE, GT, GTE, PLUS, MINUS, ASTERISK,
          SLASH, PERCENT, CONCAT, ARROW, ASSIGN, LAMBDA, SEMICOLON, SELECT, WHERE, HAVING, BY, ON,
          AND, OR, NOT, CASE, WHEN, THEN, ELSE, IN, BETWEEN, LIKE, IS, DISTINCT, VALUES, ARRAY,
          EXPLAIN);

  private static final Set<Integer> TYPE_CONSTRUCTORS = Set.of(ARRAY, MAP, STRUCT);

  /** One open level: what closes it, and how long the operator chain inside it is so far. */
  private static final class Level {
    final int closer;
    int chain;

    Level(int closer) {
      this.closer = closer;
    }
  }

  private final Deque<Level> levels = new ArrayDeque<>();
  private int depth;
  private int prefixRun;
  private int joins;

  private NestingLimit() {
    levels.push(new Level(EOF));
  }

  /** Throws a {@link ParseException} at the token where the nesting passes the limit. */
  static void check(List<Token> tokens) {
    NestingLimit limit = new NestingLimit();
    int previous = EOF;
    for (Token token : tokens) {
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        limit.accept(token, previous);
        previous = token.getType();
      }
    }
  }

  private void accept(Token token, int previous) {
    int type = token.getType();
    boolean afterOperand = !OPERAND_STARTS.contains(previous);
    if (type == NOT || type == EXPLAIN || (!afterOperand && (type == MINUS || type == PLUS))) {
      prefixRun++;
      deeper(token);
      return;
    }
    depth -= prefixRun;
    prefixRun = 0;
    switch (type) {
      case LPAREN -> open(token, RPAREN, false);
      case CASE -> open(token, END, false);
      case LBRACKET -> open(token, RBRACKET, afterOperand);
      case LT -> {
        if (TYPE_CONSTRUCTORS.contains(previous)) {
          open(token, GT, false);
        } else {
          breakChain();
        }
      }
      case RPAREN, RBRACKET, END, GT -> close(type);
      case JOIN -> {
        joins++;
        breakChain();
        deeper(token);
      }
      case SEMICOLON -> {
        depth -= joins;
        joins = 0;
        breakChain();
      }
      case PLUS, MINUS, ASTERISK, SLASH, PERCENT, CONCAT, ARROW -> {
        // Without an operand before it, '*' means all columns, not a product.
        if (afterOperand) {
          levels.peek().chain++;
          deeper(token);
        }
      }
      default -> {
        if (CHAIN_BREAKS.contains(type)) {
          breakChain();
        }
      }
    }
  }

  /** Opens a level; a subscript also extends the chain it follows, as {@code a[1][2]} nests. */
  private void open(Token token, int closer, boolean extendsChain) {
    if (extendsChain) {
      levels.peek().chain++;
      depth++;
    }
    levels.push(new Level(closer));
    deeper(token);
  }

  /** Closes the innermost level if {@code closer} ends it; otherwise the parser will complain. */
  private void close(int closer) {
    if (levels.peek().closer == closer) {
      Level closed = levels.pop();
      depth -= closed.chain + 1;
    } else if (closer == GT) {
      breakChain();
    }
  }

  private void breakChain() {
    depth -= levels.peek().chain;
    levels.peek().chain = 0;
  }

  private void deeper(Token token) {
    depth++;
    if (depth > MAX_DEPTH) {
      throw SyntaxErrors.at(
          token, "statement is nested too deeply: the limit is " + MAX_DEPTH + " levels");
    }
  }
}
