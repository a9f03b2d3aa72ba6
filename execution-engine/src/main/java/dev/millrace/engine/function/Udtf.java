package dev.millrace.engine.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One overload of a user table function (see {@link UdtfDescription}); typed as {@link Udf} says.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udtf {
  String description() default "";

  /** The SQL type of each produced value (not of the List); empty to derive it from Java. */
  String schema() default "";
}
