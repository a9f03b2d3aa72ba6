package dev.millrace.cli.testing;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

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

  /** The first factory registered on the class path of this loader, if any. */
  static Optional<CaseSessionFactory> find(ClassLoader loader) {
    return ServiceLoader.load(CaseSessionFactory.class, loader).findFirst();
  }

  /** The first factory registered on the class path of this interface. */
  static Optional<CaseSessionFactory> find() {
    return find(CaseSessionFactory.class.getClassLoader());
  }
}
