package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.millrace.cli.offline.EngineCaseSessionFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseSessionFactoryTest {

  @Test
  void findsTheEngineRegisteredOnTheModulesClassPath() {
    Optional<CaseSessionFactory> found = CaseSessionFactory.find();

    assertInstanceOf(EngineCaseSessionFactory.class, found.orElseThrow());
  }

  @Test
  void findsNothingWhenNoEngineIsRegistered(@TempDir Path dir) throws Exception {
    try (URLClassLoader classPath =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      assertEquals(Optional.empty(), CaseSessionFactory.find(classPath));
    }
  }
}
