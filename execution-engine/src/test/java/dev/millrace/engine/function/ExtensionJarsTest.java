package dev.millrace.engine.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.types.SqlType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars compiled here from source, as a user would build them, loaded from a directory. */
class ExtensionJarsTest {
  @TempDir Path work;

  private static final String SHOUT =
      """
      package acme;
      import dev.millrace.engine.function.Udf;
      import dev.millrace.engine.function.UdfDescription;
      @UdfDescription(name = "shout", description = "Upper-cases and adds a bang.")
      public class Shout {
        @Udf public String shout(String s) { return s == null ? null : s.toUpperCase() + "!"; }
      }
      """;

  private static final String LENGTHS =
"""
      package acme;
      import dev.millrace.engine.function.Udtf;
      import dev.millrace.engine.function.UdtfDescription;
      import java.util.ArrayList;
import java.util.List;
      @UdtfDescription(name = "lengths")
      public class Lengths {
        @Udtf public List<Integer> lengths(List<String> words) {
          return words.stream().map(String::length).toList();
        }
      }
      """;

  @Test
  void eachGoodJarsFunctionsAreAddedWithTheJarAsTheirPath() throws IOException {
    Path dir = Files.createDirectories(work.resolve("ext"));
    Path shout = jar(dir.resolve("a-shout.jar"), Map.of("acme.Shout", SHOUT));
    Path lengths = jar(dir.resolve("b-lengths.jar"), Map.of("acme.Lengths", LENGTHS));

    ExtensionJars.Loaded loaded = ExtensionJars.load(dir, FunctionRegistry.builtIns());

    assertEquals(List.of(), loaded.skipped());
    FunctionRegistry functions = loaded.functions();
    Object result =
        functions
            .resolveScalar("SHOUT", List.of(SqlType.STRING))
            .instantiate()
            .apply(new Object[] {"hi"});
    assertEquals("HI!", result);
    assertEquals(shout.toString(), functions.describe("shout").orElseThrow().path());
    assertEquals(
        "Upper-cases and adds a bang.", functions.describe("SHOUT").orElseThrow().description());
    assertTrue(functions.isTableFunction("LENGTHS"));
    assertEquals(lengths.toString(), functions.describe("LENGTHS").orElseThrow().path());
    assertEquals("internal", functions.describe("UCASE").orElseThrow().path());
  }

  @Test
  void eachJarHasItsOwnClassLoader() throws IOException {
    Path dir = Files.createDirectories(work.resolve("ext"));
    // The same class name in two jars: one shared loader would find only the first jar's class.
    jar(dir.resolve("a.jar"), Map.of("acme.Fn", named("first")));
    jar(dir.resolve("b.jar"), Map.of("acme.Fn", named("second")));
    ExtensionJars.Loaded loaded = ExtensionJars.load(dir, FunctionRegistry.builtIns());
    assertEquals(List.of(), loaded.skipped());
    assertEquals("first", call(loaded.functions(), "FIRST"));
    assertEquals("second", call(loaded.functions(), "SECOND"));
  }

  @Test
  void aBadJarIsSkippedWithItsReasonAndTheOthersLoad() throws IOException {
    Path dir = Files.createDirectories(work.resolve("ext"));
    Path corrupt = Files.writeString(dir.resolve("a-corrupt.jar"), "not a zip");
    String clash =
        """
        package acme;
        import dev.millrace.engine.function.Udf;
        import dev.millrace.engine.function.UdfDescription;
        @UdfDescription(name = "ucase")
        public class Clash { @Udf public String up(String s) { return s; } }
        """;
    Path clashing = jar(dir.resolve("b-clash.jar"), Map.of("acme.Clash", clash));
    String broken =
        """
        package acme;
        import dev.millrace.engine.function.Udf;
        import dev.millrace.engine.function.UdfDescription;
        @UdfDescription(name = "broken")
        public class Broken {
          public Broken() { throw new IllegalStateException("no config"); }
          @Udf public String f(String s) { return s; }
        }
        """;
    Path failing = jar(dir.resolve("c-broken.jar"), Map.of("acme.Broken", broken));
    jar(dir.resolve("d-shout.jar"), Map.of("acme.Shout", SHOUT));

    ExtensionJars.Loaded loaded = ExtensionJars.load(dir, FunctionRegistry.builtIns());

    List<String> skipped = loaded.skipped();
    assertEquals(3, skipped.size(), skipped.toString());
    assertTrue(
        skipped.get(0).startsWith("Skipped user function jar " + corrupt + ": "), skipped.get(0));
    assertEquals(
        "Skipped user function jar "
            + clashing
            + ": acme.Clash defines UCASE, which is already a function (from internal)",
        skipped.get(1));
    assertTrue(
        skipped.get(2).startsWith("Skipped user function jar " + failing + ": "), skipped.get(2));
    assertTrue(skipped.get(2).contains("acme.Broken"), skipped.get(2));
    FunctionRegistry functions = loaded.functions();
    assertTrue(functions.isScalar("SHOUT"));
    assertFalse(functions.isScalar("BROKEN"));
    assertEquals("internal", functions.describe("UCASE").orElseThrow().path());
  }

  @Test
  void aMissingDirectoryAddsNothing() throws IOException {
    ExtensionJars.Loaded loaded =
        ExtensionJars.load(work.resolve("missing"), FunctionRegistry.builtIns());
    assertEquals(List.of(), loaded.skipped());
    assertEquals(FunctionRegistry.builtIns(), loaded.functions());
  }

  private static String named(String name) {
    return """
        package acme;
        import dev.millrace.engine.function.Udf;
        import dev.millrace.engine.function.UdfDescription;
        @UdfDescription(name = "%s")
        public class Fn { @Udf public String f() { return "%s"; } }
        """
        .formatted(name, name);
  }

  private static Object call(FunctionRegistry functions, String name) {
    return functions.resolveScalar(name, List.of()).instantiate().apply(new Object[0]);
  }

  private static String engineClasses() {
    try {
      return Path.of(Udf.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles the sources (class name to text) against Millrace's annotations and jars them. */
  private Path jar(Path jar, Map<String, String> sources) throws IOException {
    Path src = Files.createTempDirectory(work, "src");
    Path classes = Files.createTempDirectory(work, "classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", engineClasses()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac failed");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
