package dev.millrace.engine.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static factory of a user aggregate (see {@link UdafDescription}). The schemas give SQL types
 * that the Java types do not say in full (a STRUCT's fields), each empty to derive it from Java.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UdafFactory {
  String description() default "";

  /**
   * The SQL type of each column argument, in order (for a {@link VariadicArgs} column, the type of
   * each of its values); fewer entries than columns, or empty ones, leave the rest derived.
   */
  String[] paramSchema() default {};

  /** The accumulator's SQL type. */
  String aggregateSchema() default "";

  /** The result's SQL type. */
  String returnSchema() default "";
}
