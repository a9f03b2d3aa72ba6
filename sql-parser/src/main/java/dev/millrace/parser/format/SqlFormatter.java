package dev.millrace.parser.format;

import dev.millrace.grammar.MillraceSqlLexer;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.Expression;
import dev.millrace.parser.ast.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Turns AST nodes back into canonical ksqlDB-style SQL: upper-case keywords, identifiers
 * back-quoted only where needed, every binary operation in parentheses (so the text needs no
 * precedence rules to read back). Parsing the output gives an equal tree.
 */
public final class SqlFormatter {

  /**
   * Names that read back as themselves without quotes: upper-case identifiers starting with a
   * letter or underscore. Non-reserved keywords are quoted too, because in some positions (a
   * function argument named SECONDS, a column named MAP) they would read as the keyword.
   */
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Z_][A-Z0-9_@]*");

  private static final Set<String> KEYWORDS = keywords();

  private SqlFormatter() {}

  /** An expression, e.g. {@code ((A + 1) > B)}. */
  public static String format(Expression expression) {
    return ExpressionFormatter.format(expression);
  }

  /** A statement on one line, without a closing {@code ;}. */
  public static String format(Statement statement) {
    return StatementFormatter.format(statement);
  }

  /** A type, e.g. {@code MAP<STRING, ARRAY<INTEGER>>}. */
  public static String format(DataType type) {
    return TypeFormatter.format(type);
  }

  /**
   * A name as it must be written to mean itself: bare when it reads back unchanged (upper-case, a
   * plain identifier, not a keyword), otherwise back-quoted with inner back-quotes doubled.
   */
  public static String identifier(String name) {
    return needsQuotes(name) ? quoted(name) : name;
  }

  /** A name always back-quoted, as ksqlDB prints schemas: {@code `K`}. */
  public static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A string literal: {@code 'it''s'}. */
  public static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static boolean needsQuotes(String name) {
    return !PLAIN_IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name);
  }

  /** Every keyword of the grammar, reserved or not, taken from the generated vocabulary. */
  private static Set<String> keywords() {
    Vocabulary vocabulary = MillraceSqlLexer.VOCABULARY;
    Set<String> keywords = new HashSet<>();
    for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
      String literal = vocabulary.getLiteralName(type);
      if (literal != null && Character.isLetter(literal.charAt(1))) {
        keywords.add(literal.substring(1, literal.length() - 1));
      }
    }
    return Set.copyOf(keywords);
  }
}
