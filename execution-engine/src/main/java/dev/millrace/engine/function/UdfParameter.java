package dev.millrace.engine.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Annotates one parameter of a {@link Udf} or {@link Udtf} method: its name, which DESCRIBE
 * FUNCTION shows, and {@link #schema}, its SQL type where the Java type does not say it all (a
 * STRUCT's fields). The description is a note for readers of the source.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface UdfParameter {
  /**
   * The parameter's name; empty for the Java name when compiled with {@code -parameters}, else
   * arg1, arg2...
   */
  String value() default "";

  String description() default "";

  /**
   * The parameter's SQL type, e.g. {@code STRUCT<A VARCHAR>} (for a varargs parameter, the type of
   * each value); empty to derive it from Java.
   */
  String schema() default "";
}
