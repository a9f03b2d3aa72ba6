package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.BYTES;
import static dev.millrace.engine.function.Types.DOUBLE;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.sig;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Conversions between text encodings and BYTES: ENCODE, TO_BYTES, FROM_BYTES, CHR, *_FROM_BYTES.
 */
final class EncodingFunctions {
  private EncodingFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.category("CONVERSIONS");
    b.scalar(
            "ENCODE",
            "Re-encodes a string from one encoding (hex, utf8, ascii, base64) to another.")
        .add(
            sig(STRING, STRING, STRING, STRING),
            a -> encode((String) a[0], (String) a[1], (String) a[2]));
    b.scalar("TO_BYTES", "A string in an encoding (hex, utf8, ascii, base64) as BYTES.")
        .add(
            sig(BYTES, STRING, STRING), a -> ByteBuffer.wrap(decode((String) a[0], (String) a[1])));
    b.scalar(
            "FROM_BYTES",
            "BYTES as a string in an encoding (hex, utf8, ascii, base64); hex is upper-case.")
        .add(sig(STRING, BYTES, STRING), a -> fromBytes(Bytes.toArray(a[0]), (String) a[1]));
    b.scalar(
            "CHR", "The character of a Unicode code point, given as a number or as '\\uXXXX' text.")
        .add(sig(STRING, INT), a -> chr((Integer) a[0]))
        .add(sig(STRING, STRING), a -> chr((String) a[0]));
    b.scalar("INT_FROM_BYTES", "An INTEGER from 4 bytes, big-endian unless LITTLE_ENDIAN is given.")
        .add(
            sig(INT, BYTES),
            a ->
                number(a[0], "BIG_ENDIAN", 4) == null
                    ? null
                    : number(a[0], "BIG_ENDIAN", 4).getInt())
        .add(
            sig(INT, BYTES, STRING),
            a ->
                number(a[0], (String) a[1], 4) == null
                    ? null
                    : number(a[0], (String) a[1], 4).getInt());
    b.scalar(
            "BIGINT_FROM_BYTES", "A BIGINT from 8 bytes, big-endian unless LITTLE_ENDIAN is given.")
        .add(
            sig(BIGINT, BYTES),
            a ->
                number(a[0], "BIG_ENDIAN", 8) == null
                    ? null
                    : number(a[0], "BIG_ENDIAN", 8).getLong())
        .add(
            sig(BIGINT, BYTES, STRING),
            a ->
                number(a[0], (String) a[1], 8) == null
                    ? null
                    : number(a[0], (String) a[1], 8).getLong());
    b.scalar(
            "DOUBLE_FROM_BYTES", "A DOUBLE from 8 bytes, big-endian unless LITTLE_ENDIAN is given.")
        .add(
            sig(DOUBLE, BYTES),
            a ->
                number(a[0], "BIG_ENDIAN", 8) == null
                    ? null
                    : number(a[0], "BIG_ENDIAN", 8).getDouble())
        .add(
            sig(DOUBLE, BYTES, STRING),
            a ->
                number(a[0], (String) a[1], 8) == null
                    ? null
                    : number(a[0], (String) a[1], 8).getDouble());
  }

  /** FROM_BYTES writes hex in upper case (ENCODE in lower case), as ksqlDB does. */
  private static String fromBytes(byte[] bytes, String encoding) {
    return encoding.equalsIgnoreCase("hex")
        ? HexFormat.of().withUpperCase().formatHex(bytes)
        : text(bytes, encoding);
  }

  private static String encode(String input, String from, String to) {
    return text(decode(input, from), to);
  }

  static byte[] decode(String input, String encoding) {
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "hex" -> HexFormat.of().parseHex(hexDigits(input));
      case "utf8" -> input.getBytes(StandardCharsets.UTF_8);
      case "ascii" -> input.getBytes(StandardCharsets.US_ASCII);
      case "base64" -> Base64.getDecoder().decode(input);
      default -> throw new IllegalArgumentException("Unknown encoding " + encoding);
    };
  }

  static String text(byte[] bytes, String encoding) {
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "hex" -> HexFormat.of().formatHex(bytes);
      case "utf8" -> new String(bytes, StandardCharsets.UTF_8);
      case "ascii" -> new String(bytes, StandardCharsets.US_ASCII);
      case "base64" -> Base64.getEncoder().encodeToString(bytes);
      default -> throw new IllegalArgumentException("Unknown encoding " + encoding);
    };
  }

  /** Hex digits without a 0x prefix or X'...' quoting. */
  private static String hexDigits(String input) {
    if (input.startsWith("0x") || input.startsWith("0X")) {
      return input.substring(2);
    }
    if ((input.startsWith("X'") || input.startsWith("x'")) && input.endsWith("'")) {
      return input.substring(2, input.length() - 1);
    }
    return input;
  }

  private static String chr(int codePoint) {
    return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : null;
  }

  private static String chr(String code) {
    if (!code.startsWith("\\u")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String unit : code.substring(2).split("\\\\u", -1)) {
      if (unit.length() != 4) {
        return null;
      }
      try {
        out.append((char) Integer.parseInt(unit, 16));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out.codePointCount(0, out.length()) == 1 ? out.toString() : null;
  }

  private static ByteBuffer number(Object bytes, String order, int size) {
    byte[] raw = Bytes.toArray(bytes);
    if (raw.length != size) {
      return null;
    }
    ByteOrder byteOrder =
        switch (order.toUpperCase(Locale.ROOT)) {
          case "BIG_ENDIAN" -> ByteOrder.BIG_ENDIAN;
          case "LITTLE_ENDIAN" -> ByteOrder.LITTLE_ENDIAN;
          default -> null;
        };
    return byteOrder == null ? null : ByteBuffer.wrap(raw).order(byteOrder);
  }
}
