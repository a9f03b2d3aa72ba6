package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.SqlTypeParser;
import dev.millrace.engine.types.Struct;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The SQL type pattern of a Java type in a user function's signature, derived from the Java type or
 * read from a schema string the function gives (which a {@link Struct} needs).
 */
final class JavaTypes {
  private JavaTypes() {}

  /** The pattern of a Java type without a schema. */
  static TypePattern pattern(Type type, String where) {
    return pattern(type, "", where);
  }

  /**
   * The pattern of a Java type: the schema's type when one is given (it must suit the Java type),
   * else the type derived from Java.
   */
  static TypePattern pattern(Type type, String schema, String where) {
    if (!schema.isBlank()) {
      SqlType declared;
      try {
        declared = SqlTypeParser.parse(schema);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      if (!suits(type, declared)) {
        throw new IllegalArgumentException(
            where
                + ": the schema "
                + declared.toSql()
                + " does not suit the Java type "
                + type.getTypeName());
      }
      return TypePattern.of(declared);
    }
    return derived(type, where);
  }

  /** Whether the type is Object, which only a {@code VariadicArgs<Object>} column may use. */
  static boolean isObject(Type type) {
    return type == Object.class;
  }

  static boolean isPrimitive(Type type) {
    return type instanceof Class<?> c && c.isPrimitive();
  }

  private static TypePattern derived(Type type, String where) {
    if (type instanceof Class<?> c) {
      return primitive(c, where);
    }
    if (type instanceof TypeVariable<?> variable) {
      return TypePattern.var(variable.getName());
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return TypePattern.arrayOf(derived(p.getActualTypeArguments()[0], where));
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return TypePattern.mapOf(
          derived(p.getActualTypeArguments()[0], where),
          derived(p.getActualTypeArguments()[1], where));
    }
    if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
      return derived(w.getUpperBounds()[0], where);
    }
    throw new IllegalArgumentException(where + ": unsupported Java type " + type.getTypeName());
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
    if (c == Struct.class) {
      throw new IllegalArgumentException(
          where + ": a Struct needs its SQL type given as a schema, e.g. STRUCT<A VARCHAR>");
    }
    throw new IllegalArgumentException(where + ": unsupported Java type " + c.getName());
  }

  /** Whether values of the SQL type arrive in (or may be returned as) the Java type. */
  private static boolean suits(Type type, SqlType sql) {
    if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
      return suits(w.getUpperBounds()[0], sql);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return sql instanceof SqlType.Array a && suits(p.getActualTypeArguments()[0], a.element());
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return sql instanceof SqlType.Map m
          && suits(p.getActualTypeArguments()[0], m.key())
          && suits(p.getActualTypeArguments()[1], m.value());
    }
    return type instanceof Class<?> c && (c == Object.class || boxed(c) == runtimeClass(sql));
  }

  private static Class<?> runtimeClass(SqlType sql) {
    return switch (sql.base()) {
      case BOOLEAN -> Boolean.class;
      case INTEGER, DATE -> Integer.class;
      case BIGINT, TIME, TIMESTAMP -> Long.class;
      case DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case STRING -> String.class;
      case BYTES -> ByteBuffer.class;
      case ARRAY -> List.class;
      case MAP -> Map.class;
      case STRUCT -> Struct.class;
    };
  }

  private static Class<?> boxed(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    if (c == int.class) {
      return Integer.class;
    }
    if (c == long.class) {
      return Long.class;
    }
    if (c == double.class) {
      return Double.class;
    }
    return c == boolean.class ? Boolean.class : c;
  }
}
