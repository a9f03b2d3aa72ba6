package dev.millrace.engine.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of user table functions: every public method annotated {@link Udtf} and returning a
 * List becomes an overload of the function {@code name}, producing one row per list element.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UdtfDescription {
  String name();

  String description() default "";
}
