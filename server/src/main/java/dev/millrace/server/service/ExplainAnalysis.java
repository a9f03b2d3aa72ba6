package dev.millrace.server.service;

import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.CreateAsSelect;
import dev.millrace.parser.ast.EmitMode;
import dev.millrace.parser.ast.ExplainAnalyze;
import dev.millrace.parser.ast.InsertInto;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.Statement;
import dev.millrace.planner.explain.StepText;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * EXPLAIN ANALYZE: finds the running persistent query meant, by id or by the statement it runs, and
 * shows its physical plan with what each step has done so far, as the backend's counters (those of
 * {@code /metrics}) say.
 */
final class ExplainAnalysis {
  private final SqlParser parser = new SqlParser();

  /** The query {@code explain} names among {@code queries}, with its analyzed plan. */
  record Analyzed(PersistentQuery query, String plan) {}

  Analyzed analyze(
      ExplainAnalyze explain,
      String text,
      Collection<PersistentQuery> queries,
      QueryBackend backend) {
    PersistentQuery query =
        explain.queryId().isPresent()
            ? byId(explain.queryId().get(), text, queries)
            : byStatement(explain, text, queries);
    String where = explain.location().describe() + ": ";
    if (query.plan().isEmpty()) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          where + "Query " + query.id() + " has no plan this server can run, so no counts",
          text);
    }
    QueryMetrics metrics =
        backend
            .metrics(query.id())
            .orElseThrow(
                () ->
                    new EngineException(
                        ErrorCode.BAD_STATEMENT,
                        where + "Query " + query.id() + " is not running on this server",
                        text));
    return new Analyzed(
        query, StepText.analyzed(query.plan().get(), metrics.steps(), metrics.storeBytes()));
  }

  private static PersistentQuery byId(String id, String text, Collection<PersistentQuery> queries) {
    return queries.stream()
        .filter(q -> q.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new EngineException(
                    ErrorCode.BAD_STATEMENT,
                    "Query with id:"
                        + id
                        + " does not exist, use SHOW QUERIES to view the full set of running"
                        + " queries.",
                    text));
  }

  /**
   * The one query running {@code explain}'s statement: compared as syntax trees, so case, spacing
   * and comments do not matter; a bare SELECT matches the SELECT of a persistent query.
   */
  private PersistentQuery byStatement(
      ExplainAnalyze explain, String text, Collection<PersistentQuery> queries) {
    Statement wanted = explain.statement().orElseThrow();
    String where = explain.location().describe() + ": ";
    if (!(wanted instanceof Query
        || wanted instanceof CreateAsSelect
        || wanted instanceof InsertInto)) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          where
              + "EXPLAIN ANALYZE takes a query id, a CREATE ... AS SELECT, an INSERT INTO ..."
              + " SELECT or the SELECT of a running query",
          text);
    }
    List<PersistentQuery> running = queries.stream().filter(q -> runs(q, wanted)).toList();
    if (running.isEmpty()) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          where
              + "No running query runs this statement; use SHOW QUERIES to view the running"
              + " queries.",
          text);
    }
    if (running.size() > 1) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          where
              + "Several running queries run this statement ("
              + String.join(", ", running.stream().map(PersistentQuery::id).toList())
              + "); EXPLAIN ANALYZE one of them by id.",
          text);
    }
    return running.get(0);
  }

  private boolean runs(PersistentQuery query, Statement wanted) {
    Optional<Statement> statement = parsed(query.statementText());
    if (statement.isEmpty()) {
      return false;
    }
    if (wanted instanceof Query select) {
      return statement.get() instanceof CreateAsSelect create
              && emitting(create.query()).equals(emitting(select))
          || statement.get() instanceof InsertInto insert
              && emitting(insert.query()).equals(emitting(select));
    }
    return statement.get().equals(wanted);
  }

  /**
   * The query with its EMIT mode spelled out: a persistent query without one emits changes, so a
   * SELECT written with EMIT CHANGES names it too.
   */
  private static Query emitting(Query query) {
    return new Query(
        query.select(),
        query.from(),
        query.window(),
        query.where(),
        query.groupBy(),
        query.partitionBy(),
        query.having(),
        query.emit().or(() -> Optional.of(EmitMode.CHANGES)),
        query.limit(),
        query.location());
  }

  private Optional<Statement> parsed(String statementText) {
    try {
      List<ParsedStatement> statements = parser.parse(statementText);
      return statements.size() == 1 ? Optional.of(statements.get(0).statement()) : Optional.empty();
    } catch (RuntimeException unparseable) {
      // Logged by an earlier version in a syntax this one no longer reads: it runs no statement
      // that could be written now.
      return Optional.empty();
    }
  }
}
