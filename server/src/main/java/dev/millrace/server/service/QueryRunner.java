package dev.millrace.server.service;

import dev.millrace.engine.expr.CompiledExpression;
import dev.millrace.engine.expr.ExpressionCompiler;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.ast.PrintTopic;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.QueryIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Runs push queries on the backend and answers pull queries from materialised tables. */
final class QueryRunner {
  private static final int BUFFERED_ROWS = 1_000;

  private final StatementEngine engine;
  private final QueryPlanning planning;
  private final ExpressionCompiler compiler;
  private final AtomicLong transientQueries = new AtomicLong();
  private final TableStateReads stateReads;

  QueryRunner(StatementEngine engine, QueryPlanning planning, FunctionRegistry functions) {
    this.engine = engine;
    this.planning = planning;
    this.compiler = new ExpressionCompiler(functions);
    this.stateReads = new TableStateReads(engine);
  }

  void run(ParsedStatement query, Session session, QuerySubscriber subscriber) {
    String text = query.text() + ";";
    if (query.statement() instanceof PrintTopic print) {
      print(print, text, subscriber);
      return;
    }
    String queryId = QueryIds.of(query.statement(), transientQueries.getAndIncrement());
    PlannedStatement planned = planning.plan(query.statement(), text, session, queryId);
    if (planned instanceof PlannedStatement.PushQuery push) {
      // A deleted source topic is the user's to fix, and must be said before the response starts
      // streaming.
      engine.catalog().sources().stream()
          .filter(source -> push.sourceTopics().contains(source.topic()))
          .forEach(
              source -> planning.topics().requireTopic(source, query.statement().location(), text));
      push(
          push,
          text,
          session,
          QuerySettings.of(engine.serverProperties(), session.properties(), text),
          subscriber);
    } else if (planned instanceof PlannedStatement.PullQuery pull) {
      if (!pull.table().createdByQuery()) {
        // A declared table is read from its topic: without it the answer would be an empty table,
        // not an error.
        planning.topics().requireTopic(pull.table(), query.statement().location(), text);
      }
      pull(queryId, text, pull, session, subscriber);
    } else {
      throw new EngineException(ErrorCode.BAD_STATEMENT, "Not a query: " + text, text);
    }
  }

  private void push(
      PlannedStatement.PushQuery push,
      String text,
      Session session,
      QuerySettings settings,
      QuerySubscriber subscriber) {
    AtomicReference<QueryBackend.RunningTransientQuery> running = new AtomicReference<>();
    Runnable close =
        () -> {
          engine.pushQueries().remove(push.queryId());
          closeQuietly(running.get());
        };
    QueryOutput output = new QueryOutput(subscriber, BUFFERED_ROWS, close);
    // SHOW QUERIES lists the push query as long as it runs.
    engine
        .pushQueries()
        .put(
            push.queryId(),
            new RunningPushQuery(
                text,
                () -> {
                  output.fail(
                      new EngineException(
                          ErrorCode.SERVER_SHUTTING_DOWN, "The cluster was terminated", text));
                  close.run();
                }));
    output.start(header(push.queryId(), QueryHeader.QueryType.PUSH, push.columns()));
    long limit = push.limit().isPresent() ? push.limit().getAsInt() : Long.MAX_VALUE;
    AtomicLong sent = new AtomicLong();
    boolean fromBeginning =
        "earliest".equalsIgnoreCase(String.valueOf(session.properties().get("auto.offset.reset")));
    try {
      running.set(
          engine
              .backend()
              .startTransient(
                  push.queryId(),
                  push.plan(),
                  fromBeginning,
                  settings,
                  row -> {
                    if (row.isDelete() || output.isCancelled() || sent.get() >= limit) {
                      return;
                    }
                    output.offer(JsonValues.row(row.value(), push.columns()));
                    if (sent.incrementAndGet() == limit) {
                      output.end(QueryEnd.LIMIT_REACHED);
                      close.run();
                    }
                  }));
    } catch (RuntimeException failed) {
      engine.pushQueries().remove(push.queryId());
      throw failed;
    }
    if (output.isCancelled()) {
      close.run();
    }
  }

  /**
   * PRINT: the topic's records as text lines (see {@link TopicPrinter}), each line one row of a
   * single STRING column, until the client stops it or its LIMIT is printed.
   */
  private void print(PrintTopic print, String text, QuerySubscriber subscriber) {
    if (!engine.backend().topicExists(print.topic())) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          "Could not find topic '"
              + print.topic()
              + "', or the KSQL user does not have permissions to list the topic. "
              + "Topic names are case-sensitive.",
          text);
    }
    TopicPrinter printer =
        new TopicPrinter(engine.backend().schemaRegistry(), print.interval(), print.limit());
    AtomicReference<QueryBackend.RunningTransientQuery> running = new AtomicReference<>();
    QueryOutput output =
        new QueryOutput(subscriber, BUFFERED_ROWS, () -> closeQuietly(running.get()));
    output.start(
        new QueryHeader(
            "print_" + transientQueries.getAndIncrement(),
            QueryHeader.QueryType.PRINT,
            List.of("LINE"),
            List.of("STRING")));
    running.set(
        engine
            .backend()
            .tailTopic(
                print.topic(),
                print.fromBeginning(),
                batch -> {
                  synchronized (printer) {
                    if (output.isCancelled() || printer.done()) {
                      return;
                    }
                    printer.print(batch).forEach(line -> output.offer(List.of(line)));
                    if (printer.done()) {
                      output.end(QueryEnd.LIMIT_REACHED);
                      closeQuietly(running.get());
                    }
                  }
                }));
    if (output.isCancelled() || printer.done()) {
      closeQuietly(running.get());
    }
  }

  private void pull(
      String queryId,
      String text,
      PlannedStatement.PullQuery pull,
      Session session,
      QuerySubscriber subscriber) {
    Predicate<Object[]> filter = pull.filter().map(compiler::compilePredicate).orElse(row -> true);
    List<CompiledExpression> projection =
        pull.projection().stream().map(compiler::compile).toList();
    long limit = pull.limit().isPresent() ? pull.limit().getAsInt() : Long.MAX_VALUE;
    List<List<Object>> rows = new ArrayList<>();
    Optional<TableStateReads.PullAnswer> state =
        pull.table().isTable() ? stateReads.read(pull, text, session) : Optional.empty();
    List<Row> table =
        state
            .map(answer -> answer.local().stream().map(TableRows::fromState).toList())
            .orElseGet(
                () ->
                    pull.table().isTable()
                        ? TableRows.read(engine.backend(), pull.table(), pull.keys())
                        : TableRows.readStream(engine.backend(), pull.table()));
    for (Row row : table) {
      if (rows.size() >= limit) {
        break;
      }
      if (filter.test(row.value())) {
        Object[] projected = new Object[projection.size()];
        for (int i = 0; i < projected.length; i++) {
          projected[i] = projection.get(i).evaluate(row.value());
        }
        rows.add(JsonValues.row(projected, pull.columns()));
      }
    }
    // Filtered and projected by the servers that own the other partitions.
    state
        .map(TableStateReads.PullAnswer::forwarded)
        .orElse(List.of())
        .forEach(
            row -> {
              if (rows.size() < limit) {
                rows.add(row);
              }
            });
    QueryOutput output = new QueryOutput(subscriber, Math.max(1, rows.size()), () -> {});
    output.start(header(queryId, QueryHeader.QueryType.PULL, pull.columns()));
    rows.forEach(output::offer);
    output.end(QueryEnd.COMPLETED);
  }

  private static QueryHeader header(
      String queryId, QueryHeader.QueryType type, List<Column> columns) {
    return new QueryHeader(
        queryId,
        type,
        columns.stream().map(Column::name).toList(),
        columns.stream().map(c -> c.type().toSql()).toList());
  }

  private static void closeQuietly(QueryBackend.RunningTransientQuery query) {
    if (query != null) {
      query.close();
    }
  }
}
