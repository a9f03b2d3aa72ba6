package dev.millrace.cli.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository's own files are when tests run: the root comes from the {@code
 * millrace.root} system property (the cli pom sets it), or is found by walking up from the working
 * directory to the folder holding {@code compat/floor.txt}.
 */
final class RepositoryPaths {
  private RepositoryPaths() {}

  static Path root() {
    String configured = System.getProperty("millrace.root");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("compat/floor.txt"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root (no compat/floor.txt above "
            + Path.of("").toAbsolutePath()
            + ")");
  }

  /**
   * The compatibility cases: {@code millrace.compat.dir} if set, else {@code ../shared/compat}
   * beside the repository.
   */
  static Path compatCases() {
    String configured = System.getProperty("millrace.compat.dir");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : root().resolve("../shared/compat").normalize();
  }
}
