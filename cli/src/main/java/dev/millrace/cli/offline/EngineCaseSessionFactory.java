package dev.millrace.cli.offline;

import dev.millrace.cli.testing.CaseSession;
import dev.millrace.cli.testing.CaseSessionFactory;
import dev.millrace.engine.function.FunctionRegistry;
import java.util.Map;

/** Opens test sessions on the real engine; registered for {@link CaseSessionFactory#find()}. */
public final class EngineCaseSessionFactory implements CaseSessionFactory {
  private final FunctionRegistry functions = FunctionRegistry.builtIns();

  @Override
  public CaseSession open(Map<String, Object> properties) {
    return new EngineCaseSession(functions, properties);
  }
}
