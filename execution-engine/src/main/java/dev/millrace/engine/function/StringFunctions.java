package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.BYTES;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.sig;
import static dev.millrace.engine.function.Types.variadic;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text functions: case, length, substrings, concatenation, trimming, padding, splitting. */
final class StringFunctions {
  private StringFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("STRING");
    b.scalar("UCASE", "Converts a string to upper case.")
        .add(sig(STRING, STRING), a -> ((String) a[0]).toUpperCase(Locale.ROOT));
    b.scalar("LCASE", "Converts a string to lower case.")
        .add(sig(STRING, STRING), a -> ((String) a[0]).toLowerCase(Locale.ROOT));
    b.scalar("INITCAP", "Capitalizes the first letter of each word and lower-cases the rest.")
        .add(sig(STRING, STRING), a -> initcap((String) a[0]));
    b.scalar("LEN", "The length of a string, or the number of bytes in a BYTES value.")
        .add(sig(INT, STRING), a -> ((String) a[0]).length())
        .add(sig(INT, BYTES), a -> Bytes.toArray(a[0]).length);
    b.scalar(
            "SUBSTRING",
            "The part of a string or BYTES value from a 1-based position, optionally of a length.")
        .add(sig(STRING, STRING, INT), a -> substring((String) a[0], (Integer) a[1], null))
        .add(
            sig(STRING, STRING, INT, INT),
            a -> substring((String) a[0], (Integer) a[1], (Integer) a[2]))
        .add(sig(BYTES, BYTES, INT), a -> substring(Bytes.toArray(a[0]), (Integer) a[1], null))
        .add(
            sig(BYTES, BYTES, INT, INT),
            a -> substring(Bytes.toArray(a[0]), (Integer) a[1], (Integer) a[2]));
    b.scalar("CONCAT", "Concatenates strings or BYTES values; null inputs count as empty.")
        .addNullable(variadic(STRING, STRING), StringFunctions::concat)
        .addNullable(variadic(BYTES, BYTES), StringFunctions::concatBytes);
    b.scalar(
            "CONCAT_WS",
            "Concatenates values with a separator between them, skipping nulls; a null separator gives null.")
        .addNullable(
            variadic(STRING, STRING, STRING), a -> a[0] == null ? null : join((String) a[0], a, 1))
        .addNullable(
            variadic(BYTES, BYTES, BYTES),
            a -> a[0] == null ? null : joinBytes(Bytes.toArray(a[0]), a));
    b.scalar("TRIM", "Removes blanks from both ends of a string.")
        .add(sig(STRING, STRING), a -> ((String) a[0]).trim());
    b.scalar("LTRIM", "Removes blanks from the start of a string.")
        .add(sig(STRING, STRING), a -> ltrim((String) a[0]));
    b.scalar("RTRIM", "Removes blanks from the end of a string.")
        .add(sig(STRING, STRING), a -> rtrim((String) a[0]));
    b.scalar("REPLACE", "Replaces every occurrence of a substring with another string.")
        .add(
            sig(STRING, STRING, STRING, STRING),
            a -> ((String) a[0]).replace((String) a[1], (String) a[2]));
    b.scalar(
            "INSTR",
            "The 1-based position of a substring (from a position, the n-th occurrence), or 0.")
        .add(sig(INT, STRING, STRING), a -> instr((String) a[0], (String) a[1], 1, 1))
        .add(
            sig(INT, STRING, STRING, INT),
            a -> instr((String) a[0], (String) a[1], (Integer) a[2], 1))
        .add(
            sig(INT, STRING, STRING, INT, INT),
            a -> instr((String) a[0], (String) a[1], (Integer) a[2], (Integer) a[3]));
    b.scalar(
            "LPAD",
            "Pads a string or BYTES value on the left to a length, truncating longer input.")
        .add(
            sig(STRING, STRING, INT, STRING),
            a -> pad((String) a[0], (Integer) a[1], (String) a[2], true))
        .add(sig(BYTES, BYTES, INT, BYTES), a -> padBytes(a, true));
    b.scalar(
            "RPAD",
            "Pads a string or BYTES value on the right to a length, truncating longer input.")
        .add(
            sig(STRING, STRING, INT, STRING),
            a -> pad((String) a[0], (Integer) a[1], (String) a[2], false))
        .add(sig(BYTES, BYTES, INT, BYTES), a -> padBytes(a, false));
    b.scalar(
            "SPLIT",
            "Splits a string or BYTES value at a delimiter into an array; an empty delimiter splits every character.")
        .add(sig(Types.ARRAY_STRING, STRING, STRING), a -> split((String) a[0], (String) a[1]))
        .add(
            sig(TypePattern.arrayOf(BYTES), BYTES, BYTES),
            a -> splitBytes(Bytes.toArray(a[0]), Bytes.toArray(a[1])));
    MaskFunctions.register(b);
  }

  static String substring(String s, int pos, Integer length) {
    int start = start(s.length(), pos);
    int end = length == null ? s.length() : Math.max(start, Math.min(s.length(), start + length));
    return s.substring(start, end);
  }

  private static Object substring(byte[] s, int pos, Integer length) {
    int start = start(s.length, pos);
    int end = length == null ? s.length : Math.max(start, Math.min(s.length, start + length));
    return Bytes.of(Arrays.copyOfRange(s, start, end));
  }

  private static int start(int length, int pos) {
    int start = pos > 0 ? pos - 1 : pos < 0 ? length + pos : 0;
    return Math.max(0, Math.min(length, start));
  }

  private static String concat(Object[] a) {
    StringBuilder out = new StringBuilder();
    for (Object s : a) {
      if (s != null) {
        out.append((String) s);
      }
    }
    return out.toString();
  }

  private static Object concatBytes(Object[] a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object s : a) {
      if (s != null) {
        out.writeBytes(Bytes.toArray(s));
      }
    }
    return Bytes.of(out.toByteArray());
  }

  private static String join(String separator, Object[] a, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < a.length; i++) {
      if (a[i] != null) {
        out.append(out.length() > 0 ? separator : "").append((String) a[i]);
      }
    }
    return out.toString();
  }

  private static Object joinBytes(byte[] separator, Object[] a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean first = true;
    for (int i = 1; i < a.length; i++) {
      if (a[i] != null) {
        if (!first) {
          out.writeBytes(separator);
        }
        out.writeBytes(Bytes.toArray(a[i]));
        first = false;
      }
    }
    return Bytes.of(out.toByteArray());
  }

  private static String ltrim(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) <= ' ') {
      i++;
    }
    return s.substring(i);
  }

  private static String rtrim(String s) {
    int i = s.length();
    while (i > 0 && s.charAt(i - 1) <= ' ') {
      i--;
    }
    return s.substring(0, i);
  }

  static int instr(String s, String sub, int position, int occurrence) {
    if (occurrence <= 0 || position == 0) {
      return 0;
    }
    int found =
        position > 0 ? s.indexOf(sub, position - 1) : s.lastIndexOf(sub, s.length() + position);
    for (int n = 1; n < occurrence && found >= 0; n++) {
      found = position > 0 ? s.indexOf(sub, found + 1) : s.lastIndexOf(sub, found - 1);
    }
    return found + 1;
  }

  static String pad(String input, int length, String padding, boolean left) {
    if (padding.isEmpty() || length < 0) {
      return null;
    }
    if (input.length() >= length) {
      return input.substring(0, length);
    }
    StringBuilder fill = new StringBuilder();
    while (fill.length() < length - input.length()) {
      fill.append(padding);
    }
    fill.setLength(length - input.length());
    return left ? fill + input : input + fill;
  }

  private static Object padBytes(Object[] a, boolean left) {
    byte[] input = Bytes.toArray(a[0]);
    int length = (Integer) a[1];
    byte[] padding = Bytes.toArray(a[2]);
    if (padding.length == 0 || length < 0) {
      return null;
    }
    byte[] out = new byte[length];
    int keep = Math.min(input.length, length);
    int fill = length - keep;
    System.arraycopy(input, 0, out, left ? fill : 0, keep);
    for (int i = 0; i < fill; i++) {
      out[(left ? 0 : keep) + i] = padding[i % padding.length];
    }
    return Bytes.of(out);
  }

  static List<String> split(String s, String delimiter) {
    if (delimiter.isEmpty() && !s.isEmpty()) {
      List<String> chars = new ArrayList<>();
      s.codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
      return chars;
    }
    return new ArrayList<>(Arrays.asList(s.split(Pattern.quote(delimiter), -1)));
  }

  private static List<Object> splitBytes(byte[] s, byte[] delimiter) {
    List<Object> parts = new ArrayList<>();
    if (delimiter.length == 0) {
      // Every byte on its own; an empty value is one empty part (the scan below would never
      // advance).
      for (byte b : s) {
        parts.add(Bytes.of(new byte[] {b}));
      }
      if (s.length == 0) {
        parts.add(Bytes.of(s));
      }
      return parts;
    }
    int start = 0;
    for (int i = 0; i + delimiter.length <= s.length; i++) {
      if (Arrays.equals(s, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
        parts.add(Bytes.of(Arrays.copyOfRange(s, start, i)));
        start = i + delimiter.length;
        i = start - 1;
      }
    }
    parts.add(Bytes.of(Arrays.copyOfRange(s, start, s.length)));
    return parts;
  }

  private static String initcap(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean startOfWord = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
      startOfWord = Character.isWhitespace(c);
    }
    return out.toString();
  }
}
