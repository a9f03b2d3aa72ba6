package dev.millrace.parser.internal;

import dev.millrace.grammar.MillraceSqlLexer;
import dev.millrace.grammar.MillraceSqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Describes what the parser expected, briefly. Whole categories collapse into one phrase: if
 * anything that starts an expression would do, the message says "an expression" instead of listing
 * forty keywords; likewise "an identifier". Long lists are cut after a few entries.
 */
final class ExpectedTokens {

  private static final int MAX_LISTED = 6;

  private ExpectedTokens() {}

  static String describe(Parser parser, IntervalSet expected) {
    List<String> phrases = new ArrayList<>();
    ATN atn = parser.getATN();
    IntervalSet remaining = expected;
    if (covers(remaining, firstTokens(atn, MillraceSqlParser.RULE_statement))) {
      // Where a statement may start, ';' and the end are possible too; saying so adds noise.
      phrases.add("a statement");
      remaining =
          remaining
              .subtract(firstTokens(atn, MillraceSqlParser.RULE_statement))
              .subtract(IntervalSet.of(Token.EOF))
              .subtract(IntervalSet.of(MillraceSqlLexer.SEMICOLON));
    }
    remaining =
        collapse(remaining, atn, MillraceSqlParser.RULE_expression, "an expression", phrases);
    remaining =
        collapse(remaining, atn, MillraceSqlParser.RULE_valueExpression, "an expression", phrases);
    // Type names are identifiers to the grammar; say "a type" where one is due.
    String identifier =
        parser.getContext() instanceof MillraceSqlParser.TypeContext ? "a type" : "an identifier";
    remaining = collapse(remaining, atn, MillraceSqlParser.RULE_identifier, identifier, phrases);
    remaining =
        collapse(
            remaining,
            atn,
            MillraceSqlParser.RULE_timeUnit,
            "a time unit (DAYS, HOURS, MINUTES, SECONDS or MILLISECONDS)",
            phrases);
    remaining = collapse(remaining, atn, MillraceSqlParser.RULE_number, "a number", phrases);
    TreeSet<String> names = new TreeSet<>();
    for (int type : remaining.toList()) {
      names.add(name(parser.getVocabulary(), type));
    }
    phrases.addAll(names);
    return join(phrases);
  }

  private static IntervalSet firstTokens(ATN atn, int rule) {
    return atn.nextTokens(atn.ruleToStartState[rule]);
  }

  private static boolean covers(IntervalSet expected, IntervalSet category) {
    return category.and(expected).size() == category.size();
  }

  /** Replaces a whole category by its phrase when every token of it is expected. */
  private static IntervalSet collapse(
      IntervalSet remaining, ATN atn, int rule, String phrase, List<String> phrases) {
    IntervalSet category = firstTokens(atn, rule);
    if (!covers(remaining, category)) {
      return remaining;
    }
    if (!phrases.contains(phrase)) {
      phrases.add(phrase);
    }
    return remaining.subtract(category);
  }

  static String name(Vocabulary vocabulary, int type) {
    if (type == Token.EOF) {
      return "end of input";
    }
    if (type == MillraceSqlLexer.STRING) {
      return "a string";
    }
    if (type == MillraceSqlLexer.INTEGER_VALUE) {
      return "an integer";
    }
    String literal = vocabulary.getLiteralName(type);
    if (literal == null) {
      return vocabulary.getSymbolicName(type);
    }
    String bare = literal.substring(1, literal.length() - 1);
    return Character.isLetter(bare.charAt(0)) ? bare : literal;
  }

  private static String join(List<String> phrases) {
    if (phrases.size() > MAX_LISTED) {
      return String.join(", ", phrases.subList(0, MAX_LISTED)) + ", ...";
    }
    if (phrases.size() <= 2) {
      return String.join(" or ", phrases);
    }
    return String.join(", ", phrases.subList(0, phrases.size() - 1))
        + " or "
        + phrases.get(phrases.size() - 1);
  }
}
