package dev.millrace.server.service;

import dev.millrace.parser.ParsedStatement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Substitutes {@code ${name}} with the value of a session variable, as ksqlDB does. */
final class Variables {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private Variables() {}

  static String substitute(String text, Map<String, ?> variables) {
    if (variables.isEmpty() || !text.contains("${")) {
      return text;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = variables.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value.toString()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The statement re-parsed after substitution, or as it is when it references no variable. */
  static ParsedStatement substituted(ParsedStatement statement, Map<String, String> variables) {
    String text = substitute(statement.text(), variables);
    if (text.equals(statement.text())) {
      return statement;
    }
    return new dev.millrace.parser.SqlParser().parse(text + ";").get(0);
  }
}
