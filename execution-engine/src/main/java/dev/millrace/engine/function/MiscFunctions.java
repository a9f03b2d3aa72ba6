package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.T;
import static dev.millrace.engine.function.Types.sig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** UUID, AS_VALUE and SPLIT_TO_MAP. */
final class MiscFunctions {
  private MiscFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("OTHER");
    b.scalar("UUID", "A random (version 4) UUID as a string.")
        .add(sig(STRING), a -> UUID.randomUUID().toString());
    b.scalar("AS_VALUE", "Copies a key column into the value; the value itself is unchanged.")
        .addNullable(sig(T, T), a -> a[0]);
    b.scalar(
            "SPLIT_TO_MAP", "Splits a string into entries, then each entry into a key and a value.")
        .add(
            sig(TypePattern.mapOf(STRING, STRING), STRING, STRING, STRING),
            a -> splitToMap((String) a[0], (String) a[1], (String) a[2]));
  }

  private static Map<Object, Object> splitToMap(
      String input, String entryDelimiter, String kvDelimiter) {
    if (entryDelimiter.isEmpty() || kvDelimiter.isEmpty()) {
      return null;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (String entry : StringFunctions.split(input, entryDelimiter)) {
      List<String> parts = StringFunctions.split(entry, kvDelimiter);
      if (parts.size() >= 2) {
        out.put(parts.get(0), parts.get(1));
      }
    }
    return out;
  }
}
