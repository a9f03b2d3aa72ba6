package dev.millrace.planner;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.ast.AlterSource;
import dev.millrace.parser.ast.CreateAsSelect;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.CreateType;
import dev.millrace.parser.ast.DropSource;
import dev.millrace.parser.ast.DropType;
import dev.millrace.parser.ast.ExplainStatement;
import dev.millrace.parser.ast.InsertInto;
import dev.millrace.parser.ast.InsertValues;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.Statement;
import dev.millrace.planner.catalog.Catalog;
import java.util.Map;

/**
 * The planner's entry point: a statement and a catalog snapshot in, a {@link PlannedStatement} out
 * — the catalog change of a DDL statement, the physical plan of a query, or the row of an INSERT
 * VALUES. Planning never changes the catalog; the caller applies what it returns. Safe to share
 * between threads (each call plans in its own context).
 *
 * <p>Statements about the running system rather than data (SHOW, DESCRIBE, SET, TERMINATE, EXPLAIN
 * of a query id, PRINT, RUN SCRIPT, ASSERT, DEFINE) are the caller's to handle.
 */
public final class Planner {
  private final FunctionRegistry functions;
  private final SchemaRegistry registry;

  /** A planner without a schema registry: registry formats (AVRO, JSON_SR) are refused. */
  public Planner(FunctionRegistry functions) {
    this(functions, UnconfiguredSchemaRegistry.INSTANCE);
  }

  /** {@code registry} holds the schemas of registry formats, read to infer a source's columns. */
  public Planner(FunctionRegistry functions, SchemaRegistry registry) {
    this.functions = functions;
    this.registry = registry;
  }

  /** Plans a parsed statement; {@code queryId} names the query it starts, if it starts one. */
  public PlannedStatement plan(
      ParsedStatement statement, Catalog catalog, Map<String, ?> properties, String queryId) {
    return plan(statement.statement(), statement.text(), catalog, properties, queryId);
  }

  /**
   * Plans a statement. {@code text} is its SQL, kept with sources it creates; {@code properties}
   * are the session's and server's properties ({@link PlannerConfig} lists those read); {@code
   * queryId} names the persistent or push query it starts (see {@link QueryIds}).
   *
   * @throws PlanningException when the statement is invalid, with the offending position
   * @throws IllegalArgumentException for statements the planner does not plan (see the class
   *     comment)
   */
  public PlannedStatement plan(
      Statement statement,
      String text,
      Catalog catalog,
      Map<String, ?> properties,
      String queryId) {
    PlannerConfig config = PlannerConfig.from(properties, registry);
    DdlPlanner ddl = new DdlPlanner(catalog, config);
    QueryStatementPlanner queries = new QueryStatementPlanner(catalog, functions, config);
    if (statement instanceof CreateSource create) {
      return ddl.createSource(create, text);
    }
    if (statement instanceof CreateAsSelect cas) {
      return queries.createAsSelect(cas, text, queryId);
    }
    if (statement instanceof InsertInto insert) {
      return queries.insertInto(insert, queryId);
    }
    if (statement instanceof Query query) {
      return query.isPushQuery()
          ? queries.push(query, queryId)
          : new PullQueryPlanner(catalog, functions).plan(query);
    }
    if (statement instanceof InsertValues insert) {
      return new InsertValuesPlanner(catalog, functions).plan(insert);
    }
    if (statement instanceof DropSource drop) {
      return ddl.dropSource(drop);
    }
    if (statement instanceof CreateType create) {
      return ddl.createType(create);
    }
    if (statement instanceof DropType drop) {
      return ddl.dropType(drop);
    }
    if (statement instanceof AlterSource alter) {
      return ddl.alterSource(alter);
    }
    if (statement instanceof ExplainStatement explain) {
      return explain(explain, catalog, properties, queryId);
    }
    throw new IllegalArgumentException(
        statement.getClass().getSimpleName() + " statements are not planned");
  }

  private PlannedStatement explain(
      ExplainStatement explain, Catalog catalog, Map<String, ?> properties, String queryId) {
    Statement inner = explain.statement();
    if (!(inner instanceof Query
        || inner instanceof CreateAsSelect
        || inner instanceof InsertInto)) {
      throw new PlanningException(
          explain.location(),
          "EXPLAIN is only supported for queries, CREATE ... AS SELECT "
              + "and INSERT INTO ... SELECT.");
    }
    PlannedStatement planned = plan(inner, "", catalog, properties, queryId);
    if (planned instanceof PlannedStatement.PersistentQuery p) {
      return new PlannedStatement.Explained(p.explain());
    }
    if (planned instanceof PlannedStatement.PushQuery p) {
      return new PlannedStatement.Explained(p.explain());
    }
    if (planned instanceof PlannedStatement.PullQuery p) {
      return new PlannedStatement.Explained(p.explain());
    }
    return new PlannedStatement.Explained(((PlannedStatement.NoChange) planned).message());
  }
}
