package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.ARRAY_STRING;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.sig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Regular-expression functions (java.util.regex syntax); patterns are compiled once and cached. */
final class RegexFunctions {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private RegexFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("REGULAR EXPRESSION");
    b.scalar(
            "REGEXP_EXTRACT",
            "The first match of a pattern in a string (or of one of its groups), or null.")
        .add(sig(STRING, STRING, STRING), a -> extract((String) a[0], (String) a[1], 0))
        .add(
            sig(STRING, STRING, STRING, INT),
            a -> extract((String) a[0], (String) a[1], (Integer) a[2]));
    b.scalar(
            "REGEXP_EXTRACT_ALL", "Every match of a pattern in a string (or of one of its groups).")
        .add(sig(ARRAY_STRING, STRING, STRING), a -> extractAll((String) a[0], (String) a[1], 0))
        .add(
            sig(ARRAY_STRING, STRING, STRING, INT),
            a -> extractAll((String) a[0], (String) a[1], (Integer) a[2]));
    b.scalar("REGEXP_REPLACE", "Replaces every match of a pattern in a string.")
        .add(
            sig(STRING, STRING, STRING, STRING),
            a -> pattern((String) a[1]).matcher((String) a[0]).replaceAll((String) a[2]));
    b.scalar("REGEXP_SPLIT_TO_ARRAY", "Splits a string at the matches of a pattern.")
        .add(sig(ARRAY_STRING, STRING, STRING), a -> split((String) a[0], (String) a[1]));
  }

  private static Pattern pattern(String regex) {
    return CACHE.computeIfAbsent(regex, Pattern::compile);
  }

  private static String extract(String regex, String input, int group) {
    Matcher m = pattern(regex).matcher(input);
    return m.find() && group <= m.groupCount() ? m.group(group) : null;
  }

  private static List<Object> extractAll(String regex, String input, int group) {
    Matcher m = pattern(regex).matcher(input);
    List<Object> out = new ArrayList<>();
    while (m.find()) {
      if (group <= m.groupCount()) {
        out.add(m.group(group));
      }
    }
    return out;
  }

  private static List<Object> split(String input, String regex) {
    if (regex.isEmpty()) {
      return new ArrayList<>(StringFunctions.split(input, ""));
    }
    return new ArrayList<>(Arrays.asList(pattern(regex).split(input, -1)));
  }
}
