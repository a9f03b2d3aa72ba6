package dev.millrace.engine.function;

import dev.millrace.engine.function.FunctionRegistry.Builder;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads user functions: classes annotated {@link UdfDescription}, {@link UdtfDescription} or {@link
 * UdafDescription}, given directly or found in the jars of a directory. Reflection happens once, at
 * load time; calls go through method handles.
 */
public final class UserFunctions {
  private UserFunctions() {}

  /**
   * Registers the functions of every annotated class in the {@code .jar} files of {@code directory}
   * and returns the names of the functions found. A missing directory loads nothing.
   */
  public static List<String> loadJars(Path directory, FunctionRegistry.Builder builder)
      throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return names;
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(directory)) {
      jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
    if (jars.isEmpty()) {
      return names;
    }
    ClassLoader loader = new URLClassLoader(urls(jars), UserFunctions.class.getClassLoader());
    for (Path jar : jars) {
      builder.from(Builder.OTHER, jar.getFileName().toString());
      for (String className : classNames(jar)) {
        names.addAll(register(load(className, loader), builder));
      }
    }
    builder.from(Builder.OTHER, Builder.INTERNAL);
    return names;
  }

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

  private static URL[] urls(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("Bad jar path " + jars.get(i), e);
      }
    }
    return urls;
  }

  private static List<String> classNames(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class") && !name.contains("-")) {
          names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    return names;
  }

  private static Class<?> load(String className, ClassLoader loader) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "Cannot load user function class " + className + ": " + e.getMessage(), e);
    }
  }
}
