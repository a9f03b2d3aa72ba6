package dev.millrace.parser;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ksqlDB's session variables: replaces {@code ${name}} in statement text with the value given by
 * {@code DEFINE name = 'value'}, before parsing. Names match case-insensitively; {@code $${name}}
 * is an escape that leaves {@code ${name}} in the text. Substitution is textual, so it also works
 * inside string literals ({@code kafka_topic='${topic}'}) and in the value of a DEFINE, as in
 * ksqlDB.
 */
public final class VariableSubstitution {

  private static final Pattern REFERENCE = Pattern.compile("(\\$?)\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private VariableSubstitution() {}

  /**
   * {@code text} with every {@code ${name}} replaced by its value.
   *
   * @throws ParseException at the reference (line and column in {@code text}) when a variable is
   *     not defined
   */
  public static String apply(String text, Map<String, String> variables) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(variables);
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String reference = matcher.group().substring(matcher.group(1).length());
      String value = reference;
      if (matcher.group(1).isEmpty()) {
        value = byName.get(matcher.group(2));
        if (value == null) {
          throw undefined(text, matcher.start(), matcher.group(2));
        }
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static ParseException undefined(String text, int offset, String name) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = offset - lineStart + 1;
    int lineEnd = text.indexOf('\n', offset);
    String source = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    return new ParseException(
        line,
        column,
        "Variable '" + name + "' is not defined; define it first with DEFINE " + name + " = '...';",
        source + "\n" + " ".repeat(column - 1) + "^");
  }
}
