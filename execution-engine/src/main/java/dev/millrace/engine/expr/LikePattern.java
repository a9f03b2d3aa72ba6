package dev.millrace.engine.expr;

import java.util.regex.Pattern;

/**
 * A SQL LIKE pattern compiled to a regular expression: % matches any run of characters, _ any one
 * character, and the escape character (if any) makes the next character literal. Matching is
 * case-sensitive and covers the whole string.
 */
final class LikePattern {
  private final Pattern regex;

  private LikePattern(Pattern regex) {
    this.regex = regex;
  }

  static LikePattern compile(String pattern, Character escape) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape) {
        if (i + 1 >= pattern.length()) {
          throw new EvaluationException(
              "LIKE pattern '" + pattern + "' ends with its escape character");
        }
        literal.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        flush(regex, literal);
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    flush(regex, literal);
    return new LikePattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  boolean matches(String value) {
    return regex.matcher(value).matches();
  }

  private static void flush(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }
}
