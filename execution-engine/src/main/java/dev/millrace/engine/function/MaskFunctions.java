package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.sig;

/**
 * MASK and its variants: upper-case letters become 'X', lower-case 'x', digits 'n' and anything
 * else '-', unless other mask characters are given (a null mask character leaves that kind alone).
 */
final class MaskFunctions {
  private MaskFunctions() {}

  /** Which characters of the input a variant masks. */
  private interface Range {
    boolean masks(int index, int length, int n);
  }

  static void register(FunctionRegistry.Builder b) {
    b.category("STRING");
    b.scalar("MASK", "Masks a string: upper case to X, lower case to x, digits to n, others to -.")
        .addNullable(sig(STRING, STRING), a -> mask(a, 1, (i, len, n) -> true))
        .addNullable(
            sig(STRING, STRING, STRING, STRING, STRING, STRING),
            a -> mask(a, 1, (i, len, n) -> true));
    variant(b, "MASK_LEFT", "Masks the first n characters of a string.", (i, len, n) -> i < n);
    variant(
        b, "MASK_RIGHT", "Masks the last n characters of a string.", (i, len, n) -> i >= len - n);
    variant(
        b,
        "MASK_KEEP_LEFT",
        "Masks all but the first n characters of a string.",
        (i, len, n) -> i >= n);
    variant(
        b,
        "MASK_KEEP_RIGHT",
        "Masks all but the last n characters of a string.",
        (i, len, n) -> i < len - n);
  }

  private static void variant(
      FunctionRegistry.Builder b, String name, String description, Range range) {
    b.scalar(name, description)
        .addNullable(sig(STRING, STRING, INT), a -> a[1] == null ? null : mask(a, 2, range))
        .addNullable(
            sig(STRING, STRING, INT, STRING, STRING, STRING, STRING),
            a -> a[1] == null ? null : mask(a, 2, range));
  }

  private static String mask(Object[] a, int firstMask, Range range) {
    String input = (String) a[0];
    if (input == null) {
      return null;
    }
    boolean custom = a.length > firstMask;
    String upper = custom ? (String) a[firstMask] : "X";
    String lower = custom ? (String) a[firstMask + 1] : "x";
    String digit = custom ? (String) a[firstMask + 2] : "n";
    String other = custom ? (String) a[firstMask + 3] : "-";
    int n = firstMask == 2 ? Math.max(0, (Integer) a[1]) : 0;
    StringBuilder out = new StringBuilder(input.length());
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      String replacement =
          !range.masks(i, input.length(), n)
              ? null
              : Character.isUpperCase(c)
                  ? upper
                  : Character.isLowerCase(c) ? lower : Character.isDigit(c) ? digit : other;
      out.append(replacement == null || replacement.isEmpty() ? c : replacement.charAt(0));
    }
    return out.toString();
  }
}
