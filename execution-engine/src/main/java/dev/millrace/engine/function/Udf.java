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
 * with the nulls.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udf {
  String description() default "";
}
