package dev.millrace.cli.testing;

import dev.millrace.cli.testing.fixtures.TestUdf;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs the compiled classes of the {@code fixtures} package into a jar of its own directory, to be
 * loaded as an extension directory ({@code ksql.extension.dir}) like any user's jar.
 */
final class FixtureJar {
  private FixtureJar() {}

  /** Writes the jar into {@code directory} (made if absent) and returns the directory. */
  static Path writeInto(Path directory) throws IOException {
    Path classes = classesRoot();
    Path fixtures = classes.resolve(TestUdf.class.getPackageName().replace('.', '/'));
    Files.createDirectories(directory);
    Path jar = directory.resolve("millrace-test-udfs.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(fixtures)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return directory;
  }

  private static Path classesRoot() {
    try {
      return Path.of(TestUdf.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
