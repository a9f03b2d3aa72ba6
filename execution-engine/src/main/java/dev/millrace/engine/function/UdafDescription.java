package dev.millrace.engine.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of user aggregate functions: every public static method annotated {@link
 * UdafFactory} returning a {@link Udaf} becomes an overload of the function {@code name}. The
 * factory's parameters are the call's literal initial arguments.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UdafDescription {
  String name();

  String description() default "";
}
