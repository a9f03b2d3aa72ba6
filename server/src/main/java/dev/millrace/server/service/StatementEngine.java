package dev.millrace.server.service;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.runtime.QueryState;
import dev.millrace.parser.ParseException;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.ScriptSplitter;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.StatementText;
import dev.millrace.parser.VariableSubstitution;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.parser.ast.DefineVariable;
import dev.millrace.parser.ast.DescribeFunction;
import dev.millrace.parser.ast.DescribeSource;
import dev.millrace.parser.ast.ExplainAnalyze;
import dev.millrace.parser.ast.ExplainQuery;
import dev.millrace.parser.ast.PauseResume;
import dev.millrace.parser.ast.SetProperty;
import dev.millrace.parser.ast.Show;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.ast.TableElement;
import dev.millrace.parser.ast.Terminate;
import dev.millrace.parser.ast.UndefineVariable;
import dev.millrace.parser.ast.UnsetProperty;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.QueryLinks;
import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.KafkaTopicInfo;
import dev.millrace.server.api.KafkaTopicsList;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.PropertiesList;
import dev.millrace.server.api.Queries;
import dev.millrace.server.api.QueryDescription;
import dev.millrace.server.api.QueryDescriptionEntity;
import dev.millrace.server.api.RunningQuery;
import dev.millrace.server.api.SourceDescriptionEntity;
import dev.millrace.server.api.StreamsList;
import dev.millrace.server.api.TablesList;
import dev.millrace.server.api.TypeList;
import dev.millrace.server.api.VariablesList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Runs statements against one catalog and one backend: the heart shared by the REST server and the
 * offline test runner. Statements that change the catalog or start queries run one at a time; each
 * is recorded in the command sink once it is accepted, before it takes effect.
 */
public final class StatementEngine implements AutoCloseable {
  private final SqlParser parser = new SqlParser();
  private final QueryBackend backend;
  private final CommandSink commands;
  private final Map<String, String> serverProperties;
  private final AtomicReference<Catalog> catalog = new AtomicReference<>(Catalog.empty());
  private final Map<String, PersistentQuery> queries = new ConcurrentSkipListMap<>();
  private final Map<String, RunningPushQuery> pushQueries = new ConcurrentSkipListMap<>();
  private final FunctionRegistry functions;
  private final QueryPlanning planning;
  private final QueryRunner queryRunner;
  private final ExplainAnalysis explainAnalysis = new ExplainAnalysis();
  private final boolean createsMissingTopics;
  private volatile Mode mode = Mode.SUBMITTED;

  /** The other servers of the service, once this one has joined them (see {@link #joinCluster}). */
  private volatile Optional<PullForwarding> cluster = Optional.empty();

  /** Stops this server's heartbeats (see {@link #leaveCluster}). */
  private volatile Runnable leaveCluster = () -> {};

  /** Brings the catalog up to the command log before a statement runs (see {@link #keepUpWith}). */
  private volatile Runnable catchUp = () -> {};

  /** Where the statement being run comes from. */
  private enum Mode {
    /** Submitted to this server now: logged once accepted. */
    SUBMITTED,
    /** Run again from the command log at start-up, or issued by the server itself: not logged. */
    RESTORED,
    /** Accepted by another server of the service and followed here live: not logged again. */
    FOLLOWED
  }

  /**
   * @param createsMissingTopics whether a statement naming a topic that does not exist creates it
   *     with one partition (offline runs, as ksqlDB's test runner does) rather than failing
   */
  public StatementEngine(
      QueryBackend backend,
      CommandSink commands,
      FunctionRegistry functions,
      Map<String, String> serverProperties,
      boolean createsMissingTopics) {
    this.backend = backend;
    this.commands = commands;
    this.serverProperties = Map.copyOf(serverProperties);
    this.createsMissingTopics = createsMissingTopics;
    this.functions = functions;
    this.planning = new QueryPlanning(this, functions);
    this.queryRunner = new QueryRunner(this, planning, functions);
  }

  /** Splits and parses a script; a syntax error becomes a BAD_STATEMENT error with line:column. */
  public List<ParsedStatement> parse(String sql) {
    try {
      return parser.parse(sql);
    } catch (ParseException syntax) {
      throw new EngineException(ErrorCode.BAD_STATEMENT, syntax.getMessage(), sql);
    }
  }

  /**
   * Splits and parses a script, substituting the session's {@code ${name}} variables in each
   * statement as the DEFINE and UNDEFINE statements before it in the script leave them (the session
   * itself changes only when those run). Positions in errors and in the statements are the
   * script's; a syntax error or a reference to an undefined variable is a BAD_STATEMENT error.
   */
  public List<ParsedStatement> parse(String sql, Session session) {
    Session variables = Session.of(Map.of(), session.variables());
    List<ParsedStatement> parsed = new ArrayList<>();
    for (StatementText text : ScriptSplitter.split(sql)) {
      // Padding puts the statement where it is in the script, so positions stay the script's.
      String placed =
          "\n".repeat(text.start().line() - 1)
              + " ".repeat(text.start().column() - 1)
              + text.text()
              + ";";
      try {
        ParsedStatement statement =
            parser.parse(VariableSubstitution.apply(placed, variables.variables())).get(0);
        if (statement.statement() instanceof DefineVariable define) {
          variables.define(define.name(), define.value());
        } else if (statement.statement() instanceof UndefineVariable undefine) {
          variables.undefine(undefine.name());
        }
        parsed.add(statement);
      } catch (ParseException syntax) {
        throw new EngineException(ErrorCode.BAD_STATEMENT, syntax.getMessage(), sql);
      }
    }
    return parsed;
  }

  /**
   * Runs one statement with the session's properties and variables; SET, UNSET, DEFINE and UNDEFINE
   * change the given session.
   */
  public KsqlEntity execute(ParsedStatement parsed, Session session) {
    Statement statement = parsed.statement();
    String text = parsed.text() + ";";
    if (statement instanceof Show show) {
      return show(show, text, session);
    }
    if (statement instanceof DescribeSource describe) {
      return describe(describe, text);
    }
    if (statement instanceof DescribeFunction describe) {
      return FunctionEntities.describe(
          text,
          functions
              .describe(describe.name())
              .orElseThrow(
                  () ->
                      new EngineException(
                          ErrorCode.BAD_STATEMENT,
                          "Can't find any functions with the name '" + describe.name() + "'",
                          text)));
    }
    if (statement instanceof SetProperty set) {
      PropertyValues.problem(set.name(), set.value())
          .ifPresent(
              problem -> {
                throw new EngineException(
                    ErrorCode.BAD_STATEMENT, set.location().describe() + ": " + problem, text);
              });
      session.properties().put(set.name(), set.value());
      return success(text, "Property '" + set.name() + "' set to '" + set.value() + "'");
    }
    if (statement instanceof UnsetProperty unset) {
      session.properties().remove(unset.name());
      return success(text, "Property '" + unset.name() + "' unset");
    }
    if (statement instanceof DefineVariable define) {
      session.define(define.name(), define.value());
      return success(text, "Variable '" + define.name() + "' defined");
    }
    if (statement instanceof UndefineVariable undefine) {
      return success(
          text,
          session.undefine(undefine.name())
              ? "Variable '" + undefine.name() + "' undefined"
              : "Variable '" + undefine.name() + "' was not defined");
    }
    // A statement run again under the lock (replayed, followed) is the log itself; and the
    // follower needs the lock to catch up, so it must not be awaited while holding it.
    if (!Thread.holdsLock(this)) {
      catchUp.run();
    }
    if (statement instanceof ExplainAnalyze explain) {
      ExplainAnalysis.Analyzed analyzed =
          explainAnalysis.analyze(explain, text, queries.values(), backend);
      return describeQuery(analyzed.query(), text, analyzed.plan());
    }
    synchronized (this) {
      if (statement instanceof ExplainQuery explain) {
        return explain(explain, text);
      }
      if (statement instanceof Terminate terminate) {
        return terminate(terminate, text);
      }
      if (statement instanceof PauseResume pauseResume) {
        return pauseResume(pauseResume, text);
      }
      return planning.execute(parsed, text, session);
    }
  }

  /** Starts a push query or answers a pull query, delivering the result to {@code subscriber}. */
  public void runQuery(ParsedStatement query, Session session, QuerySubscriber subscriber) {
    queryRunner.run(query, session, subscriber);
  }

  /**
   * Opens the stream or table named {@code target} (an identifier, upper-cased unless quoted) for
   * rows sent one at a time, as {@code POST /inserts-stream} sends them.
   */
  public RowInserts openInserts(String target) {
    return planning.openInserts(target);
  }

  /** The metrics of every persistent query the backend measures, by query id. */
  public List<QueryMetrics> queryMetrics() {
    return queries.keySet().stream().flatMap(id -> backend.metrics(id).stream()).toList();
  }

  /**
   * Lets pull queries ask the other servers of the service for the partitions of a table this one
   * does not hold; {@code leave} stops this server's heartbeats when it leaves the service.
   */
  public void joinCluster(PullForwarding forwarding, Runnable leave) {
    this.cluster = Optional.of(forwarding);
    this.leaveCluster = leave;
  }

  /**
   * Stops this server's heartbeats (telling the others it has left) and its pull-query forwarding,
   * as {@code TERMINATE CLUSTER} does before it deletes the heartbeat topic.
   */
  public void leaveCluster() {
    cluster = Optional.empty();
    leaveCluster.run();
  }

  /** The other servers of the service, if this one has joined them. */
  public Optional<PullForwarding> cluster() {
    return cluster;
  }

  /** What this server runs of each persistent query now, for its heartbeats. */
  public HostReport hostReport() {
    Map<String, LocalQueryState> running = new TreeMap<>();
    for (String id : queries.keySet()) {
      backend.localState(id).ifPresent(state -> running.put(id, state));
    }
    return new HostReport(running);
  }

  /** Whether the backend answers (for the health check). */
  public boolean backendHealthy() {
    try {
      backend.topicExists("__millrace_health_probe");
      return true;
    } catch (RuntimeException unreachable) {
      return false;
    }
  }

  /** Whether the backend answers and has the topic (false when it does not answer). */
  public boolean topicExists(String topic) {
    try {
      return backend.topicExists(topic);
    } catch (RuntimeException unreachable) {
      return false;
    }
  }

  boolean createsMissingTopics() {
    return createsMissingTopics;
  }

  void linkQuery(QueryLinks links) {
    catalog.updateAndGet(current -> current.withQuery(links));
  }

  Catalog catalog() {
    return catalog.get();
  }

  /** The catalog as it is now (an immutable snapshot). */
  public Catalog catalogSnapshot() {
    return catalog.get();
  }

  /**
   * The schemas a CREATE STREAM / CREATE TABLE declares with its column list: planned against the
   * catalog as it is now, not run; a side (key or value) without declared columns has none. Empty
   * for other statements, for a CREATE without columns, and for a statement that does not plan.
   */
  public synchronized Optional<DeclaredSchemas> declaredSchemas(
      ParsedStatement parsed, Session session) {
    if (!(parsed.statement() instanceof CreateSource create) || create.elements().isEmpty()) {
      return Optional.empty();
    }
    PlannedStatement planned;
    try {
      planned = planning.plan(create, parsed.text() + ";", session, "");
    } catch (EngineException notPlanned) {
      return Optional.empty();
    }
    if (!(planned instanceof PlannedStatement.CatalogUpdate update)
        || !(update.change() instanceof CatalogChange.AddSource add)) {
      return Optional.empty();
    }
    DeclaredSchemas schemas = SourceSchemas.of(add.source(), backend.schemaRegistry());
    return Optional.of(
        new DeclaredSchemas(
            schemas.topic(),
            declares(create, true) ? schemas.key() : Optional.empty(),
            declares(create, false) ? schemas.value() : Optional.empty()));
  }

  private static boolean declares(CreateSource create, boolean key) {
    return create.elements().stream()
        .map(TableElement::kind)
        .anyMatch(
            kind ->
                key
                    ? kind == TableElement.Kind.KEY || kind == TableElement.Kind.PRIMARY_KEY
                    : kind == TableElement.Kind.VALUE);
  }

  void changeCatalog(CatalogChange change) {
    catalog.updateAndGet(current -> current.apply(change));
  }

  QueryBackend backend() {
    return backend;
  }

  CommandSink commands() {
    return mode == Mode.SUBMITTED ? commands : CommandSink.NONE;
  }

  /** Whether the statement being run was accepted before (replay) rather than submitted now. */
  boolean replaying() {
    return mode != Mode.SUBMITTED;
  }

  /** Runs a statement the server itself issues at every start, without logging it. */
  public synchronized KsqlEntity executeUnlogged(ParsedStatement statement, Session session) {
    mode = Mode.RESTORED;
    try {
      return execute(statement, session);
    } finally {
      mode = Mode.SUBMITTED;
    }
  }

  /**
   * Has every statement submitted here first wait for {@code catchUp}, which applies the commands
   * other servers have logged, so that it is checked against the catalog they made.
   */
  void keepUpWith(Runnable catchUp) {
    this.catchUp = catchUp;
  }

  /**
   * Carries out a command another server of the service accepted and logged, as that server did:
   * the catalog changes, queries start, stop, pause and resume here too. Nothing is logged again.
   *
   * @param ranHere whether this server appended the command at an offset itself, and so has carried
   *     it out already; asked under the lock that statements submitted here hold from their append
   *     until they have taken effect
   * @return why the command could not be carried out here, if it could not
   */
  synchronized Optional<String> follow(
      LoggedCommand command, Consumer<KsqlEntity> applied, LongPredicate ranHere) {
    if (ranHere.test(command.offset())) {
      return Optional.empty();
    }
    mode = Mode.FOLLOWED;
    try {
      rerun(command, applied, false);
      return Optional.empty();
    } catch (RuntimeException failed) {
      return Optional.of("command " + command.sequence() + ": " + failed.getMessage());
    } finally {
      mode = Mode.SUBMITTED;
    }
  }

  /**
   * Runs the logged statements again, in order, without logging them twice: rebuilds the catalog
   * and restarts the queries, which carry on from their committed offsets. A persistent query
   * logged with its plan runs that plan, unplanned (see {@link QueryPlanning#restore}), and a
   * CREATE STREAM / TABLE logged with its source adds that source; other statements, and those
   * logged without a plan or source by earlier versions, are planned again. A statement that no
   * longer runs is reported in the returned list and skipped.
   */
  public synchronized List<String> replay(List<LoggedCommand> logged) {
    return replay(logged, entity -> {});
  }

  /**
   * As {@link #replay(List)}, handing the entity of each statement restored to {@code restored} (so
   * that {@code /status} knows the commands of earlier runs).
   */
  public synchronized List<String> replay(
      List<LoggedCommand> logged, Consumer<KsqlEntity> restored) {
    List<String> skipped = new ArrayList<>();
    // The queries start as they were left, paused or not: the PAUSE and RESUME commands replayed
    // below then change nothing, so a paused query processes nothing while the server starts.
    PausedQueries.after(logged, parser).forEach(id -> backend.pausePersistent(id, true));
    Map<String, Long> lastPlans = new HashMap<>();
    logged.forEach(c -> c.query().ifPresent(q -> lastPlans.put(q.queryId(), c.offset())));
    mode = Mode.RESTORED;
    try {
      for (LoggedCommand command : logged) {
        try {
          // Only the last plan logged for a query id runs: the earlier ones were upgraded in
          // place (CREATE OR REPLACE).
          boolean superseded =
              command.query().isPresent()
                  && lastPlans.get(command.query().get().queryId()) != command.offset();
          rerun(command, restored, superseded);
        } catch (RuntimeException failed) {
          skipped.add("command " + command.sequence() + ": " + failed.getMessage());
        }
      }
    } finally {
      mode = Mode.SUBMITTED;
    }
    return skipped;
  }

  /**
   * Runs a logged command again: its stored query unplanned (registered only, when {@code
   * superseded} by a later plan for its query id), its stored source added as it was planned, else
   * its statements.
   */
  private void rerun(LoggedCommand command, Consumer<KsqlEntity> done, boolean superseded) {
    Session session = Session.of(new LinkedHashMap<>(command.properties()), Map.of());
    if (command.query().isPresent()) {
      planning.restore(command.query().get(), command.statement(), session, superseded);
      done.accept(
          QueryPlanning.created(command.query().get(), command.statement(), command.sequence()));
    } else if (command.source().isPresent()) {
      done.accept(planning.restore(command.source().get(), command.statement(), session));
    } else {
      for (ParsedStatement statement : parse(command.statement())) {
        done.accept(execute(statement, session));
      }
    }
  }

  Map<String, PersistentQuery> queries() {
    return queries;
  }

  /** The push queries running now, by query id. */
  Map<String, RunningPushQuery> pushQueries() {
    return pushQueries;
  }

  Map<String, String> serverProperties() {
    return serverProperties;
  }

  static CommandStatusEntity success(String text, String message) {
    return new CommandStatusEntity(text, "", CommandStatus.success(message), 0, List.of());
  }

  private KsqlEntity show(Show show, String text, Session session) {
    Catalog current = catalog.get();
    return switch (show.target()) {
      case STREAMS ->
          new StreamsList(
              text,
              current.sources().stream()
                  .filter(s -> !s.isTable())
                  .map(CatalogEntities::info)
                  .toList(),
              List.of());
      case TABLES ->
          new TablesList(
              text,
              current.sources().stream()
                  .filter(DataSource::isTable)
                  .map(CatalogEntities::info)
                  .toList(),
              List.of());
      case QUERIES ->
          new Queries(
              text,
              java.util.stream.Stream.concat(
                      queries.values().stream().map(q -> CatalogEntities.running(q, status(q))),
                      pushQueries.entrySet().stream()
                          .map(
                              push ->
                                  RunningQuery.push(
                                      push.getValue().statementText(), push.getKey())))
                  .toList(),
              List.of());
      case TOPICS, ALL_TOPICS ->
          new KafkaTopicsList(
              text,
              backend.topics(show.target() == Show.Target.ALL_TOPICS).stream()
                  .map(
                      t ->
                          new KafkaTopicInfo(
                              t.name(), Collections.nCopies(t.partitions(), t.replicas())))
                  .toList(),
              List.of());
      case PROPERTIES -> properties(text, session);
      case VARIABLES -> new VariablesList(text, variables(session), List.of());
      case FUNCTIONS -> FunctionEntities.names(text, functions.list());
      case TYPES -> new TypeList(text, typeSchemas(current), List.of());
    };
  }

  private static Map<String, dev.millrace.server.api.SchemaInfo> typeSchemas(Catalog catalog) {
    Map<String, dev.millrace.server.api.SchemaInfo> types = new TreeMap<>();
    catalog.types().forEach((name, type) -> types.put(name, CatalogEntities.schema(type)));
    return types;
  }

  private PropertiesList properties(String text, Session session) {
    Map<String, String> all = new TreeMap<>(serverProperties);
    all.putAll(session.propertyStrings());
    List<PropertiesList.Property> properties =
        all.entrySet().stream()
            .map(e -> new PropertiesList.Property(e.getKey(), "KSQL", e.getValue()))
            .toList();
    return new PropertiesList(
        text, properties, new ArrayList<>(session.properties().keySet()), List.of(), List.of());
  }

  private static List<VariablesList.Variable> variables(Session session) {
    return session.variables().entrySet().stream()
        .map(e -> new VariablesList.Variable(e.getKey(), e.getValue()))
        .toList();
  }

  private KsqlEntity describe(DescribeSource describe, String text) {
    DataSource source =
        catalog
            .get()
            .source(describe.name())
            .orElseThrow(
                () ->
                    new EngineException(
                        ErrorCode.BAD_STATEMENT,
                        "Could not find STREAM/TABLE '" + describe.name() + "' in the Metastore",
                        text));
    int partitions = backend.topicExists(source.topic()) ? backend.partitions(source.topic()) : 0;
    return new SourceDescriptionEntity(
        text,
        CatalogEntities.describe(
            source, catalog.get(), queries, this::status, describe.extended(), partitions, 1),
        List.of());
  }

  private KsqlEntity explain(ExplainQuery explain, String text) {
    PersistentQuery query = queries.get(explain.queryId());
    if (query == null) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          "Query with id:"
              + explain.queryId()
              + " does not exist, "
              + "use SHOW QUERIES to view the full set of running queries.",
          text);
    }
    return describeQuery(query, text, query.explain());
  }

  /** The query described, with {@code plan} as its execution plan. */
  private KsqlEntity describeQuery(PersistentQuery query, String text, String plan) {
    List<dev.millrace.server.api.FieldInfo> fields =
        catalog
            .get()
            .source(query.sink())
            .map(sink -> CatalogEntities.fields(sink))
            .orElse(List.of());
    QueryBackend.QueryStatus status = status(query);
    return new QueryDescriptionEntity(
        text,
        new QueryDescription(
            query.id(),
            query.statementText(),
            null,
            fields,
            query.sources(),
            List.of(query.sink()),
            "",
            plan,
            Map.of(),
            Map.of(),
            "PERSISTENT",
            List.copyOf(CatalogEntities.errors(status)),
            status.state().name()),
        List.of());
  }

  /**
   * How the query is doing: ERROR with the reason when this server could not start it (an
   * unreadable stored plan), else as the backend runs it.
   */
  private QueryBackend.QueryStatus status(PersistentQuery query) {
    return query
        .error()
        .map(error -> new QueryBackend.QueryStatus(QueryState.ERROR, List.of(error)))
        .orElseGet(() -> backend.status(query.id()));
  }

  private KsqlEntity terminate(Terminate terminate, String text) {
    List<String> ids =
        terminate.queryId().map(List::of).orElseGet(() -> new ArrayList<>(queries.keySet()));
    for (String id : ids) {
      if (!queries.containsKey(id)) {
        throw new EngineException(ErrorCode.BAD_STATEMENT, "Unknown queryId: " + id, text);
      }
    }
    long sequence = commands().append(text, Map.of());
    ids.forEach(this::stopQuery);
    return new CommandStatusEntity(
        text,
        "terminate/" + String.join(",", ids) + "/execute",
        new CommandStatus(CommandStatus.Status.SUCCESS, "Query terminated.", null),
        sequence,
        List.of());
  }

  /**
   * PAUSE or RESUME: logged like TERMINATE, so that a restarted server restores the query as it was
   * left; when replayed, the query is already so (see {@link #replay(List)}).
   */
  private KsqlEntity pauseResume(PauseResume statement, String text) {
    List<String> ids =
        statement.queryId().map(List::of).orElseGet(() -> new ArrayList<>(queries.keySet()));
    for (String id : ids) {
      if (!queries.containsKey(id)) {
        throw new EngineException(
            ErrorCode.BAD_STATEMENT,
            statement.location().describe() + ": Unknown queryId: " + id,
            text);
      }
    }
    long sequence = commands().append(text, Map.of());
    if (mode != Mode.RESTORED) {
      ids.forEach(id -> backend.pausePersistent(id, statement.pause()));
    }
    String verb = statement.pause() ? "pause" : "resume";
    return new CommandStatusEntity(
        text,
        verb + "/" + String.join(",", ids) + "/execute",
        new CommandStatus(
            CommandStatus.Status.SUCCESS,
            statement.pause() ? "Query paused." : "Query resumed.",
            null),
        sequence,
        List.of());
  }

  void stopQuery(String id) {
    PersistentQuery query = queries.remove(id);
    if (query != null) {
      backend.stopPersistent(id, true);
      catalog.updateAndGet(current -> current.withoutQuery(id));
    }
  }

  @Override
  public void close() {
    new ArrayList<>(queries.keySet()).forEach(id -> backend.stopPersistent(id, false));
    queries.clear();
    backend.close();
  }
}
