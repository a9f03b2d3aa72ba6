package dev.millrace.cli.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Makes the engine sessions the test runners drive. The engine registers one implementation as a
 * {@link ServiceLoader} provider (a {@code
 * META-INF/services/dev.millrace.cli.testing.CaseSessionFactory} file), so the runners never name
 * the engine and their tests can hand in a fake instead.
 */
public interface CaseSessionFactory {

  /**
   * A fresh, isolated session with these ksqlDB property overrides (e.g. {@code
   * ksql.persistence.default.format.value}).
   */
  CaseSession open(Map<String, Object> properties);

  /**
   * Whether this factory's sessions load user function jars; cases that need ksqlDB's test-only
   * functions ({@code udf-jar}) are skipped when they do not.
   */
  default boolean hasExtensions() {
    return false;
  }

  /**
   * A factory whose sessions also have the functions in the jars of {@code directory} ({@code
   * ksql.extension.dir}); each jar that cannot be loaded is left out and reported to {@code
   * report}.
   */
  default CaseSessionFactory withExtensionDir(Path directory, Consumer<String> report) {
    throw new UnsupportedOperationException("this engine cannot load user function jars");
  }

  /** The first factory registered on the class path of this loader, if any. */
  static Optional<CaseSessionFactory> find(ClassLoader loader) {
    return ServiceLoader.load(CaseSessionFactory.class, loader).findFirst();
  }

  /** The first factory registered on the class path of this interface. */
  static Optional<CaseSessionFactory> find() {
    return find(CaseSessionFactory.class.getClassLoader());
  }
}
