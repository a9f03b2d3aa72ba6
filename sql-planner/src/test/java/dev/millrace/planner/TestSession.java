package dev.millrace.planner;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.SqlParser;
import dev.millrace.planner.catalog.Catalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test session: plans statements in order against a catalog it keeps up to date, as the server
 * does (catalog changes applied, persistent queries' links recorded).
 */
public final class TestSession {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();

  private final Planner planner;
  private final SqlParser parser = new SqlParser();
  private final Map<String, Object> properties = new HashMap<>();
  private Catalog catalog = Catalog.empty();
  private int sequence;

  /** A session without a schema registry. */
  public TestSession() {
    this(UnconfiguredSchemaRegistry.INSTANCE);
  }

  /** A session whose registry formats use {@code registry}. */
  public TestSession(SchemaRegistry registry) {
    this(FUNCTIONS, registry);
  }

  /** A session calling {@code functions}, without a schema registry. */
  public TestSession(FunctionRegistry functions) {
    this(functions, UnconfiguredSchemaRegistry.INSTANCE);
  }

  private TestSession(FunctionRegistry functions, SchemaRegistry registry) {
    this.planner = new Planner(functions, registry);
  }

  public TestSession set(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  /** Plans and applies every statement of the script, in order. */
  public TestSession run(String script) {
    for (ParsedStatement statement : parser.parse(script)) {
      apply(
          planner.plan(
              statement, catalog, properties, QueryIds.of(statement.statement(), sequence++)));
    }
    return this;
  }

  /** Plans one statement without applying it. */
  public PlannedStatement plan(String sql) {
    List<ParsedStatement> statements = parser.parse(sql);
    return planner.plan(
        statements.get(0),
        catalog,
        properties,
        QueryIds.of(statements.get(0).statement(), sequence));
  }

  public Catalog catalog() {
    return catalog;
  }

  private void apply(PlannedStatement planned) {
    if (planned instanceof PlannedStatement.CatalogUpdate update) {
      catalog = catalog.apply(update.change());
    } else if (planned instanceof PlannedStatement.PersistentQuery query) {
      if (query.sinkChange().isPresent()) {
        catalog = catalog.apply(query.sinkChange().get());
      }
      catalog = catalog.withQuery(query.links());
    }
  }
}
