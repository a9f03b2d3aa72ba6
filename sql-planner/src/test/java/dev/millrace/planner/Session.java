package dev.millrace.planner;

import dev.millrace.engine.function.FunctionRegistry;
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
final class Session {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();

  private final Planner planner = new Planner(FUNCTIONS);
  private final SqlParser parser = new SqlParser();
  private final Map<String, Object> properties = new HashMap<>();
  private Catalog catalog = Catalog.empty();
  private int sequence;

  Session set(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  /** Runs every statement of the script; returns the last one's plan. */
  PlannedStatement run(String script) {
    PlannedStatement last = null;
    for (ParsedStatement statement : parser.parse(script)) {
      last = planner.plan(statement, catalog, properties, QueryIds.of(statement.statement(), sequence++));
      apply(last);
    }
    return last;
  }

  /** Plans one statement without applying it. */
  PlannedStatement plan(String sql) {
    List<ParsedStatement> statements = parser.parse(sql);
    return planner.plan(statements.get(0), catalog, properties, QueryIds.of(statements.get(0).statement(), sequence));
  }

  Catalog catalog() {
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
