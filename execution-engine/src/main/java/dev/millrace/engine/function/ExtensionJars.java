package dev.millrace.engine.function;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Loads the user functions of the jars in an extension directory ({@code ksql.extension.dir}). Each
 * jar gets its own class loader whose parent is Millrace's, so two jars may bundle different
 * versions of a library. A jar is all or nothing: if it cannot be read, a class fails to load or
 * register, or it names a function that already exists, none of its functions are added and the
 * reason is returned for the start-up log, so one bad jar never stops the server.
 */
public final class ExtensionJars {
  private ExtensionJars() {}

  /**
   * What loading a directory gave.
   *
   * @param functions the registry with every good jar's functions added
   * @param skipped one line per jar that was left out, naming the jar and why
   */
  public record Loaded(FunctionRegistry functions, List<String> skipped) {
    public Loaded {
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Adds to {@code base} the functions of every {@code .jar} in {@code directory}, in file name
   * order. A missing directory adds nothing; one that cannot be listed is reported as skipped.
   */
  public static Loaded load(Path directory, FunctionRegistry base) {
    if (!Files.isDirectory(directory)) {
      return new Loaded(base, List.of());
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(directory)) {
      jars =
          files
              .filter(f -> f.getFileName().toString().endsWith(".jar"))
              .map(Path::toAbsolutePath)
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      return new Loaded(
          base, List.of("Cannot list the extension directory " + directory + ": " + reason(e)));
    }
    FunctionRegistry functions = base;
    List<String> skipped = new ArrayList<>();
    for (Path jar : jars) {
      try {
        functions = withJar(jar, functions);
      } catch (IOException | RuntimeException | LinkageError e) {
        skipped.add("Skipped user function jar " + jar + ": " + reason(e));
      }
    }
    return new Loaded(functions, skipped);
  }

  private static FunctionRegistry withJar(Path jar, FunctionRegistry before) throws IOException {
    List<String> classNames = classNames(jar);
    // Not closed: the functions' classes load lazily through it for as long as the engine runs.
    ClassLoader loader =
        new URLClassLoader(new URL[] {url(jar)}, ExtensionJars.class.getClassLoader());
    FunctionRegistry.Builder builder =
        before.toBuilder().from(FunctionRegistry.Builder.OTHER, jar.toString());
    for (String className : classNames) {
      Class<?> type = load(className, loader);
      for (String name : UserFunctions.register(type, builder)) {
        before
            .describe(name)
            .ifPresent(
                existing -> {
                  throw new IllegalArgumentException(
                      className
                          + " defines "
                          + name
                          + ", which is already a function (from "
                          + existing.path()
                          + ")");
                });
      }
    }
    return builder.build();
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad jar path " + jar, e);
    }
  }

  private static List<String> classNames(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        // module-info and package-info are not classes; their names hold a '-'.
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
      throw new IllegalArgumentException("cannot load class " + className + ": " + reason(e), e);
    }
  }
}
