package dev.millrace.engine.expr;

/**
 * Converts a non-null value from one type's run-time class to another's, chosen once for a pair of
 * types. Throws {@link EvaluationException} when the value does not convert (e.g. 'abc' to
 * INTEGER).
 */
@FunctionalInterface
public interface Converter {
  Object convert(Object value);

  /** Applies the converter, passing null through. */
  default Object convertNullable(Object value) {
    return value == null ? null : convert(value);
  }
}
