package dev.millrace.engine.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Annotates one parameter of a {@link Udf} or {@link Udtf} method. {@link #schema} gives its SQL
 * type where the Java type does not say it all (a STRUCT's fields); the name and description are
 * notes for readers of the source (DESCRIBE FUNCTION names parameters arg1, arg2...).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface UdfParameter {
  /** The parameter's name. */
  String value() default "";

  String description() default "";

  /**
   * The parameter's SQL type, e.g. {@code STRUCT<A VARCHAR>} (for a varargs parameter, the type of
   * each value); empty to derive it from Java.
   */
  String schema() default "";
}
