package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseSessionFactoryTest {

  /** Registered only on the class path built by the test, never on the module's own. */
  public static final class Registered implements CaseSessionFactory {
    @Override
    public CaseSession open(Map<String, Object> properties) {
      return new FakeSession();
    }
  }

  @Test
  void findsTheProviderRegisteredOnTheClassPath(@TempDir Path dir) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(CaseSessionFactory.class.getName()), "# the engine\n" + Registered.class.getName() + "\n");

    try (URLClassLoader classPath = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Optional<CaseSessionFactory> found = CaseSessionFactory.find(classPath);

      assertTrue(found.isPresent());
      assertInstanceOf(Registered.class, found.get());
      assertInstanceOf(FakeSession.class, found.get().open(Map.of()));
    }
  }

  @Test
  void findsNothingWhenNoEngineIsRegistered(@TempDir Path dir) throws Exception {
    try (URLClassLoader classPath = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertEquals(Optional.empty(), CaseSessionFactory.find(classPath));
    }
  }
}
