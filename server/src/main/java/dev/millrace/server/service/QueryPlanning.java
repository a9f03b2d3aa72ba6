package dev.millrace.server.service;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.UnreadablePlanException;
import dev.millrace.engine.runtime.QueryError;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.Statement;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.Planner;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.QueryIds;
import dev.millrace.planner.QueryUpgrade;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.QueryDescription;
import dev.millrace.server.api.QueryDescriptionEntity;
import dev.millrace.server.config.KsqlSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the statements the planner plans: DDL, persistent queries and INSERT VALUES. Each is planned
 * against the current catalog, recorded in the command sink, then carried out.
 */
final class QueryPlanning {
  private final StatementEngine engine;
  private final Planner planner;
  private final InsertValues inserts;
  private final TopicChecks topics;
  private final SinkSchemas sinkSchemas;
  private final AtomicLong persistentQueries = new AtomicLong();

  QueryPlanning(StatementEngine engine, FunctionRegistry functions) {
    this.engine = engine;
    this.planner = new Planner(functions, engine.backend().schemaRegistry());
    this.inserts = new InsertValues(engine.backend(), functions);
    this.topics = new TopicChecks(engine.backend(), functions, engine.createsMissingTopics());
    this.sinkSchemas = new SinkSchemas(engine.backend().schemaRegistry());
  }

  /**
   * Opens a stream or table for rows sent one by one ({@code /inserts-stream}), written as INSERT
   * VALUES writes its row.
   */
  RowInserts openInserts(String target) {
    RowInserts inserts = RowInserts.open(engine.catalog(), target, this.inserts);
    engine
        .catalog()
        .source(inserts.target())
        .ifPresent(source -> topics.requireTopic(source, NodeLocation.NONE, target));
    return inserts;
  }

  /** The checks of the topics statements and queries read and write. */
  TopicChecks topics() {
    return topics;
  }

  KsqlEntity execute(ParsedStatement parsed, String text, Session session) {
    Statement statement = parsed.statement();
    String queryId = QueryIds.of(statement, persistentQueries.get());
    PlannedStatement planned = plan(statement, text, session, queryId);
    if (planned instanceof PlannedStatement.CatalogUpdate update) {
      return apply(update, statement instanceof CreateSource, statement.location(), text, session);
    }
    if (planned instanceof PlannedStatement.NoChange noChange) {
      return StatementEngine.success(text, noChange.message());
    }
    if (planned instanceof PlannedStatement.PersistentQuery query) {
      topics.checkInputs(query, engine.catalog(), statement.location(), text);
      if (query.replacesSink() && engine.queries().containsKey(query.queryId())) {
        return upgrade(query, statement.location(), text, session);
      }
      persistentQueries.incrementAndGet();
      return start(query, statement.location(), text, session);
    }
    if (planned instanceof PlannedStatement.InsertRow row) {
      topics.requireTopic(row.target(), statement.location(), text);
      try {
        inserts.insert(row);
      } catch (EngineException failed) {
        // The row's values and the broker's refusal come without a position: the statement's is
        // theirs.
        throw new EngineException(
            failed.errorCode(),
            statement.location().describe() + ": " + failed.getMessage(),
            text,
            List.of(),
            failed);
      }
      return StatementEngine.success(text, "Row inserted");
    }
    if (planned instanceof PlannedStatement.Explained explained) {
      return new QueryDescriptionEntity(
          text,
          new QueryDescription(
              "",
              text,
              null,
              List.of(),
              List.of(),
              List.of(),
              "",
              explained.text(),
              Map.of(),
              Map.of(),
              "",
              List.of(),
              ""),
          List.of());
    }
    throw new EngineException(
        ErrorCode.BAD_STATEMENT,
        "This statement is a query: send it to /query or /query-stream",
        text);
  }

  /**
   * Plans with the server's properties overlaid by the session's; planning errors carry
   * line:column.
   */
  PlannedStatement plan(Statement statement, String text, Session session, String queryId) {
    Map<String, Object> properties = new TreeMap<>(engine.serverProperties());
    properties.putAll(session.properties());
    try {
      return planner.plan(statement, text, engine.catalog(), properties, queryId);
    } catch (PlanningException invalid) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, invalid.getMessage(), text);
    } catch (IllegalArgumentException notPlanned) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, notPlanned.getMessage(), text);
    }
  }

  private KsqlEntity apply(
      PlannedStatement.CatalogUpdate update,
      boolean createsSource,
      NodeLocation at,
      String text,
      Session session) {
    update
        .createTopic()
        .ifPresent(topic -> topics.ensure(topic, Optional.empty(), Optional.empty(), text));
    if (createsSource
        && !engine.replaying()
        && update.change() instanceof CatalogChange.AddSource add) {
      // Before the statement is logged: a replayed CREATE registers nothing again.
      SourceSchemas.registerMissing(add.source(), engine.backend().schemaRegistry(), at, text);
    }
    if (!engine.replaying()) {
      // DROP ... DELETE TOPIC: the topic goes first, so that a deletion Kafka refuses leaves the
      // statement unlogged and the source in place. A replayed DROP deleted its topic when it was
      // accepted; a topic of that name now is a later one.
      update
          .deleteTopic()
          .filter(engine.backend()::topicExists)
          .ifPresent(t -> delete(t, at, text));
    }
    CatalogChange change = update.change();
    Optional<StoredSource> stored =
        createsSource && change instanceof CatalogChange.AddSource add
            ? Optional.of(StoredSource.of(add, update))
            : Optional.empty();
    long sequence =
        engine.commands().append(text, session.propertyStrings(), Optional.empty(), stored);
    String message = describe(change);
    if (change instanceof CatalogChange.RemoveSource remove) {
      engine.catalog().writersOf(remove.name()).forEach(engine::stopQuery);
    }
    engine.changeCatalog(change);
    return new CommandStatusEntity(
        text, commandId(change), CommandStatus.success(message), sequence, List.of());
  }

  /**
   * Adds a source from its command-log entry as it was planned when accepted, without planning its
   * statement again (see {@link StoredSource}).
   */
  KsqlEntity restore(StoredSource stored, String text, Session session) {
    return apply(stored.planned(), true, NodeLocation.NONE, text, session);
  }

  private void delete(String topic, NodeLocation at, String text) {
    try {
      engine.backend().deleteTopic(topic);
    } catch (EngineException refused) {
      throw new EngineException(
          refused.errorCode(),
          at.describe() + ": " + refused.getMessage(),
          text,
          List.of(),
          refused);
    }
  }

  private KsqlEntity start(
      PlannedStatement.PersistentQuery query, NodeLocation at, String text, Session session) {
    if (engine.queries().containsKey(query.queryId())) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          at.describe()
              + ": Query ID '"
              + query.queryId()
              + "' is already in use by a running query.",
          text);
    }
    if (!engine.replaying()) {
      // A replayed query's schemas were registered when it was accepted; its writes find them.
      sinkSchemas.register(query.sink(), at, text);
    }
    // Started before it is logged, so that a query Kafka will not run (no access to its topics or
    // its group) is refused whole rather than left in the log and the catalog without a running
    // query.
    StoredQuery stored = StoredQuery.of(query);
    long sequence;
    try {
      run(query, text, session);
      sequence = engine.commands().append(text, session.propertyStrings(), Optional.of(stored));
    } catch (RuntimeException failed) {
      engine.backend().stopPersistent(query.queryId(), true);
      throw failed instanceof EngineException refused
          ? new EngineException(
              refused.errorCode(),
              at.describe() + ": " + refused.getMessage(),
              text,
              List.of(),
              refused)
          : failed;
    }
    register(stored, text, Optional.of(query.plan()), Optional.empty());
    return created(stored, text, sequence);
  }

  /**
   * CREATE OR REPLACE ... AS SELECT of a sink whose query runs: the new plan takes over the query,
   * with its id, offsets and state, once {@link QueryUpgrade} finds it compatible. Should it fail
   * to start, the old plan runs on and nothing is logged.
   */
  private KsqlEntity upgrade(
      PlannedStatement.PersistentQuery query, NodeLocation at, String text, Session session) {
    PersistentQuery running = engine.queries().get(query.queryId());
    try {
      running.plan().ifPresent(old -> QueryUpgrade.check(old, query.plan(), query.queryId(), at));
    } catch (PlanningException incompatible) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, incompatible.getMessage(), text);
    }
    if (!engine.replaying()) {
      sinkSchemas.register(query.sink(), at, text);
    }
    StoredQuery stored = StoredQuery.of(query);
    long sequence;
    try {
      engine.backend().replacePersistent(query.queryId(), query.plan(), settings(text, session));
      sequence = engine.commands().append(text, session.propertyStrings(), Optional.of(stored));
    } catch (RuntimeException failed) {
      running
          .plan()
          .ifPresent(
              old ->
                  engine
                      .backend()
                      .replacePersistent(
                          query.queryId(), old, settings(running.statementText(), session)));
      throw failed instanceof EngineException refused
          ? new EngineException(
              refused.errorCode(),
              at.describe() + ": " + refused.getMessage(),
              text,
              List.of(),
              refused)
          : failed;
    }
    register(stored, text, Optional.of(query.plan()), Optional.empty());
    return created(stored, text, sequence);
  }

  /** The status of the command that started a persistent query, as {@code /status} reports it. */
  static CommandStatusEntity created(StoredQuery query, String text, long sequence) {
    DataSource sink = query.sink();
    return new CommandStatusEntity(
        text,
        (sink.isTable() ? "table/`" : "stream/`") + sink.name() + "`/create",
        new CommandStatus(
            CommandStatus.Status.SUCCESS,
            "Created query with ID " + query.queryId(),
            query.queryId()),
        sequence,
        List.of());
  }

  /**
   * Restarts a persistent query from its command-log entry without planning its statement again, so
   * that the plan it was accepted with runs on over the state it left, whatever the planner would
   * make of the statement today. A plan this server cannot read, or cannot run, puts the query in
   * ERROR: its sink is still registered and it is still listed, and the restore goes on.
   */
  void restore(StoredQuery stored, String text, Session session, boolean superseded) {
    boolean upgrade = engine.queries().containsKey(stored.queryId());
    if (upgrade && !stored.replacesSink()) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          "Query ID '" + stored.queryId() + "' is already in use by a running query.",
          text);
    }
    if (!upgrade) {
      persistentQueries.incrementAndGet();
    }
    PlannedStatement.PersistentQuery query;
    try {
      query = stored.planned();
    } catch (UnreadablePlanException unreadable) {
      register(stored, text, Optional.empty(), failure(unreadable.getMessage()));
      return;
    }
    if (superseded) {
      // A later CREATE OR REPLACE takes the query over: were this plan started, it would handle
      // records the replacement had handled before the restart.
      register(stored, text, Optional.of(query.plan()), Optional.empty());
      return;
    }
    try {
      topics.checkInputs(query, engine.catalog(), NodeLocation.NONE, text);
      if (upgrade) {
        engine.backend().replacePersistent(query.queryId(), query.plan(), settings(text, session));
      } else {
        run(query, text, session);
      }
      register(stored, text, Optional.of(query.plan()), Optional.empty());
    } catch (RuntimeException failed) {
      // Its offsets and state stay: they are the query's, should a later start succeed.
      engine.backend().stopPersistent(query.queryId(), false);
      register(
          stored,
          text,
          Optional.of(query.plan()),
          failure("its stored plan could not be started: " + failed.getMessage()));
    }
  }

  private static Optional<QueryError> failure(String message) {
    return Optional.of(new QueryError(message, Instant.now(), QueryError.Type.UNKNOWN));
  }

  /**
   * Creates the query's sink topic if it is missing and starts the query on the backend. A sink
   * topic the statement does not size gets ksqlDB's legacy defaults when they are set ({@code
   * ksql.sink.partitions}, {@code ksql.sink.replicas}), else its input's partition count.
   */
  private void run(PlannedStatement.PersistentQuery query, String text, Session session) {
    int inputPartitions =
        query.sourceTopics().stream()
            .filter(engine.backend()::topicExists)
            .mapToInt(engine.backend()::partitions)
            .max()
            .orElse(1);
    Optional<Integer> partitions =
        sinkDefault(KsqlSettings.SINK_PARTITIONS, session)
            .map(Integer::valueOf)
            .or(() -> Optional.of(inputPartitions));
    Optional<Short> replicas = sinkDefault(KsqlSettings.SINK_REPLICAS, session).map(Short::valueOf);
    query.createTopic().ifPresent(topic -> topics.ensure(topic, partitions, replicas, text));
    engine.backend().startPersistent(query.queryId(), query.plan(), settings(text, session));
  }

  /** A sink default from the session, else from the server (checked where it was set). */
  private Optional<String> sinkDefault(String name, Session session) {
    Object value = session.properties().get(name);
    return Optional.ofNullable(
            value != null ? value.toString() : engine.serverProperties().get(name))
        .map(String::trim)
        .filter(text -> !text.isEmpty());
  }

  private QuerySettings settings(String text, Session session) {
    return QuerySettings.of(engine.serverProperties(), session.properties(), text);
  }

  /** Registers the query's sink and links in the catalog and lists the query. */
  private void register(
      StoredQuery query, String text, Optional<PlanStep> plan, Optional<QueryError> error) {
    query.sinkChange().ifPresent(engine::changeCatalog);
    engine.linkQuery(query.links());
    DataSource sink = query.sink();
    engine
        .queries()
        .put(
            query.queryId(),
            new PersistentQuery(
                query.queryId(),
                text,
                sink.name(),
                sink.topic(),
                List.copyOf(query.links().sources()),
                plan,
                query.explain(),
                error));
  }

  private static String describe(CatalogChange change) {
    if (change instanceof CatalogChange.AddSource add) {
      return add.source().isTable() ? "Table created" : "Stream created";
    }
    if (change instanceof CatalogChange.RemoveSource remove) {
      return "Source `" + remove.name() + "` was dropped.";
    }
    if (change instanceof CatalogChange.AddType add) {
      return "Registered custom type with name '"
          + add.name()
          + "' and SQL type "
          + add.type().toSql();
    }
    return "Dropped type '" + ((CatalogChange.RemoveType) change).name() + "'";
  }

  private static String commandId(CatalogChange change) {
    if (change instanceof CatalogChange.AddSource add) {
      return (add.source().isTable() ? "table/`" : "stream/`") + add.source().name() + "`/create";
    }
    if (change instanceof CatalogChange.RemoveSource remove) {
      return "source/`" + remove.name() + "`/drop";
    }
    if (change instanceof CatalogChange.AddType add) {
      return "type/`" + add.name() + "`/create";
    }
    return "type/`" + ((CatalogChange.RemoveType) change).name() + "`/drop";
  }
}
