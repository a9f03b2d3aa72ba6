package dev.millrace.engine.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One overload of a user scalar function (see {@link UdfDescription}). Parameter and return types
 * come from the Java types: String, Integer/int, Long/long, Double/double, Boolean/boolean,
 * BigDecimal, ByteBuffer, List and Map of those, and type variables for generics; a varargs method
 * is variadic. Methods with a primitive parameter return null for null arguments; others are called
 * with the nulls. A STRUCT (a {@link dev.millrace.engine.types.Struct}) needs its SQL type written
 * out: {@link #schema} for the result, {@link UdfParameter#schema} for a parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udf {
  String description() default "";

  /**
   * The result's SQL type, e.g. {@code STRUCT<A VARCHAR>} or {@code DECIMAL(30, 10)}; empty to
   * derive it from the Java return type.
   */
  String schema() default "";
}
