package dev.millrace.parser;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ksqlDB's session variables: replaces {@code ${name}} in statement text with the value given by
 * {@code DEFINE name = 'value'}, before parsing. Names match case-insensitively; {@code $${name}}
 * is an escape that leaves {@code ${name}} in the text; references to undefined variables are left
 * unchanged (the parser then points at them). Substitution is textual, so it also works inside
 * string literals ({@code kafka_topic='${topic}'}), as in ksqlDB.
 */
public final class VariableSubstitution {

  private static final Pattern REFERENCE = Pattern.compile("(\\$?)\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private VariableSubstitution() {}

  /** {@code text} with every defined {@code ${name}} replaced by its value. */
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
      String value = matcher.group(1).isEmpty() ? byName.get(matcher.group(2)) : null;
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(value != null ? value : reference));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
