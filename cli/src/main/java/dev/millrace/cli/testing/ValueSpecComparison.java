package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an expected value spec with the actual one, by the compatibility suite's rules: objects
 * field by field (the expected name or its upper-case form, no extra fields), arrays element-wise,
 * numbers by value (floating point within 1e-6, relative to the value when it is above 1; an
 * expected decimal may be written as a string), strings exactly, and null equal only to null.
 */
public final class ValueSpecComparison {
  private static final double TOLERANCE = 1e-6;

  private ValueSpecComparison() {}

  /** Empty when the two match, else where and how they differ. */
  public static Optional<String> difference(JsonNode expected, JsonNode actual) {
    return difference("", expected, actual);
  }

  private static Optional<String> difference(String path, JsonNode expected, JsonNode actual) {
    if (expected == null || expected.isNull() || actual == null || actual.isNull()) {
      boolean bothNull =
          (expected == null || expected.isNull()) && (actual == null || actual.isNull());
      return bothNull ? Optional.empty() : mismatch(path, expected, actual);
    }
    if (expected.isObject()) {
      return actual.isObject()
          ? objectDifference(path, expected, actual)
          : mismatch(path, expected, actual);
    }
    if (expected.isArray()) {
      return actual.isArray()
          ? arrayDifference(path, expected, actual)
          : mismatch(path, expected, actual);
    }
    if (actual.isNumber()) {
      return sameNumber(expected, actual) ? Optional.empty() : mismatch(path, expected, actual);
    }
    return expected.equals(actual) ? Optional.empty() : mismatch(path, expected, actual);
  }

  private static Optional<String> objectDifference(
      String path, JsonNode expected, JsonNode actual) {
    if (expected.size() != actual.size()) {
      return mismatch(path, expected, actual);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value =
          actual.has(field.getKey())
              ? actual.get(field.getKey())
              : actual.get(field.getKey().toUpperCase(Locale.ROOT));
      if (value == null) {
        return Optional.of(at(path) + "missing field " + field.getKey() + " in " + actual);
      }
      Optional<String> inner = difference(path + "." + field.getKey(), field.getValue(), value);
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> arrayDifference(String path, JsonNode expected, JsonNode actual) {
    if (expected.size() != actual.size()) {
      return mismatch(path, expected, actual);
    }
    for (int i = 0; i < expected.size(); i++) {
      Optional<String> inner = difference(path + "[" + i + "]", expected.get(i), actual.get(i));
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  private static boolean sameNumber(JsonNode expected, JsonNode actual) {
    BigDecimal a = number(expected);
    BigDecimal b = number(actual);
    if (a == null || b == null) {
      return false;
    }
    if (expected.isFloatingPointNumber() && !expected.isBigDecimal()
        || actual.isDouble()
        || actual.isFloat()) {
      return Math.abs(a.doubleValue() - b.doubleValue())
          <= TOLERANCE * Math.max(1, Math.abs(a.doubleValue()));
    }
    return a.compareTo(b) == 0;
  }

  private static BigDecimal number(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  private static Optional<String> mismatch(String path, JsonNode expected, JsonNode actual) {
    return Optional.of(at(path) + "expected " + expected + " but was " + actual);
  }

  private static String at(String path) {
    return path.isEmpty() ? "" : path.substring(1) + ": ";
  }
}
