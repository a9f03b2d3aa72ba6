package dev.millrace.engine.function;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads user functions: classes annotated {@link UdfDescription}, {@link UdtfDescription} or {@link
 * UdafDescription}; {@link ExtensionJars} finds them in the jars of a directory. Reflection happens
 * once, at load time; calls go through method handles.
 */
public final class UserFunctions {
  private UserFunctions() {}

  /** Registers the functions of one class; returns their names (none when it is not annotated). */
  public static List<String> register(Class<?> type, FunctionRegistry.Builder builder) {
    List<String> names = new ArrayList<>();
    UdfDescription udf = type.getAnnotation(UdfDescription.class);
    if (udf != null) {
      FunctionRegistry.ScalarBuilder scalar = builder.scalar(udf.name(), udf.description());
      Object instance = instantiate(type);
      for (Method method : type.getMethods()) {
        if (method.isAnnotationPresent(Udf.class)) {
          scalar.add(
              UserScalar.overload(
                  method, Modifier.isStatic(method.getModifiers()) ? null : instance));
        }
      }
      names.add(scalar.name());
    }
    UdtfDescription udtf = type.getAnnotation(UdtfDescription.class);
    if (udtf != null) {
      FunctionRegistry.ScalarBuilder table = builder.tableFunction(udtf.name(), udtf.description());
      Object instance = instantiate(type);
      for (Method method : type.getMethods()) {
        if (method.isAnnotationPresent(Udtf.class)) {
          table.add(
              UserScalar.tableOverload(
                  method, Modifier.isStatic(method.getModifiers()) ? null : instance));
        }
      }
      names.add(table.name());
    }
    UdafDescription udaf = type.getAnnotation(UdafDescription.class);
    if (udaf != null) {
      FunctionRegistry.AggregateBuilder aggregate =
          builder.aggregate(udaf.name(), udaf.description());
      for (Method method : type.getMethods()) {
        if (method.isAnnotationPresent(UdafFactory.class)) {
          aggregate.add(UserAggregate.overload(method));
        }
      }
      names.add(aggregate.name());
    }
    return names;
  }

  private static Object instantiate(Class<?> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "User function class " + type.getName() + " needs a public no-argument constructor", e);
    }
  }
}
