package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** The SQL type pattern of a Java type in a user function's signature. */
final class JavaTypes {
  private JavaTypes() {}

  static TypePattern pattern(Type type, String where) {
    if (type instanceof Class<?> c) {
      return primitive(c, where);
    }
    if (type instanceof TypeVariable<?> variable) {
      return TypePattern.var(variable.getName());
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return TypePattern.arrayOf(pattern(p.getActualTypeArguments()[0], where));
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return TypePattern.mapOf(
          pattern(p.getActualTypeArguments()[0], where),
          pattern(p.getActualTypeArguments()[1], where));
    }
    if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
      return pattern(w.getUpperBounds()[0], where);
    }
    throw new IllegalArgumentException(where + ": unsupported Java type " + type.getTypeName());
  }

  static boolean isPrimitive(Type type) {
    return type instanceof Class<?> c && c.isPrimitive();
  }

  private static TypePattern primitive(Class<?> c, String where) {
    if (c == String.class) {
      return TypePattern.of(SqlType.STRING);
    }
    if (c == Integer.class || c == int.class) {
      return TypePattern.of(SqlType.INTEGER);
    }
    if (c == Long.class || c == long.class) {
      return TypePattern.of(SqlType.BIGINT);
    }
    if (c == Double.class || c == double.class) {
      return TypePattern.of(SqlType.DOUBLE);
    }
    if (c == Boolean.class || c == boolean.class) {
      return TypePattern.of(SqlType.BOOLEAN);
    }
    if (c == ByteBuffer.class) {
      return TypePattern.of(SqlType.BYTES);
    }
    if (c == BigDecimal.class) {
      return Types.ANY_DECIMAL;
    }
    throw new IllegalArgumentException(where + ": unsupported Java type " + c.getName());
  }
}
