package dev.millrace.cli.offline;

import dev.millrace.cli.testing.CaseSession;
import dev.millrace.cli.testing.CaseSessionFactory;
import dev.millrace.engine.function.ExtensionJars;
import dev.millrace.engine.function.FunctionRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Opens test sessions on the real engine; registered for {@link CaseSessionFactory#find()}. */
public final class EngineCaseSessionFactory implements CaseSessionFactory {
  private final FunctionRegistry functions;
  private final boolean extensions;

  /** Sessions with the built-in functions only. */
  public EngineCaseSessionFactory() {
    this(FunctionRegistry.builtIns(), false);
  }

  private EngineCaseSessionFactory(FunctionRegistry functions, boolean extensions) {
    this.functions = functions;
    this.extensions = extensions;
  }

  @Override
  public CaseSession open(Map<String, Object> properties) {
    return new EngineCaseSession(functions, properties);
  }

  @Override
  public boolean hasExtensions() {
    return extensions;
  }

  @Override
  public CaseSessionFactory withExtensionDir(Path directory, Consumer<String> report) {
    ExtensionJars.Loaded loaded = ExtensionJars.load(directory, functions);
    loaded.skipped().forEach(report);
    return new EngineCaseSessionFactory(loaded.functions(), true);
  }
}
