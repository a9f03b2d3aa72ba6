package dev.millrace.server.service;

import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.ast.PrintTopic;
import dev.millrace.parser.ast.Query;
import dev.millrace.server.api.ClusterStatusResponse;
import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.HealthCheckResponse;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.LagResponse;
import dev.millrace.server.api.ServerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as the REST API sees it: requests of statements and queries in, entities and rows out,
 * every failure a user can act on an {@link EngineException}.
 */
public final class MillraceEngine implements EngineFacade {
  private static final Logger LOG = LoggerFactory.getLogger(MillraceEngine.class);

  private final StatementEngine engine;
  private final ServerInfo info;
  private final BooleanSupplier commandRunner;
  private final PropertyDenyList denied;
  private final ClusterTerminator terminator;
  private volatile boolean terminated;
  private final Map<String, CommandStatus> statuses = new ConcurrentHashMap<>();
  private final boolean headless;

  /**
   * @param commandRunner whether the command log is whole and reachable: every record of it was
   *     replayed at start and its topic is still there
   * @param managedTopics the topics the server keeps for itself (command topic, processing log,
   *     heartbeats), deleted when the cluster is terminated
   * @param headless whether the server runs a queries file ({@link QueriesFile}) and so refuses
   *     statements and queries over REST
   */
  public MillraceEngine(
      StatementEngine engine,
      ServerInfo info,
      BooleanSupplier commandRunner,
      List<String> managedTopics,
      boolean headless) {
    this.engine = engine;
    this.info = info;
    this.commandRunner = commandRunner;
    this.terminator = new ClusterTerminator(engine, managedTopics);
    this.denied = PropertyDenyList.of(engine.serverProperties());
    this.headless = headless;
  }

  @Override
  public List<KsqlEntity> execute(StatementRequest request) {
    refuseIfHeadless();
    checkProperties(request.properties());
    Session session = Session.of(request.properties(), request.sessionVariables());
    List<KsqlEntity> done = new ArrayList<>();
    // A DEFINE earlier in the request changes the statements after it.
    for (ParsedStatement statement : engine.parse(request.sql(), session)) {
      String text = statement.text() + ";";
      if (statement.statement() instanceof Query || statement.statement() instanceof PrintTopic) {
        throw new EngineException(
            ErrorCode.QUERY_ENDPOINT,
            "The following statement types should be issued to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT",
            text,
            done,
            null);
      }
      try {
        KsqlEntity entity = engine.execute(statement, session);
        remember(entity);
        done.add(entity);
      } catch (EngineException failed) {
        throw new EngineException(failed.errorCode(), failed.getMessage(), text, done, failed);
      } catch (RuntimeException bug) {
        LOG.error("Statement failed unexpectedly", bug);
        throw new EngineException(
            ErrorCode.SERVER_ERROR, "Statement failed: " + bug.getMessage(), text, done, bug);
      }
    }
    return done;
  }

  @Override
  public void runQuery(QueryRequest request, QuerySubscriber subscriber) {
    refuseIfHeadless();
    checkProperties(request.properties());
    Session session =
        Session.of(request.properties(), request.sessionVariables(), request.authorization());
    String sql = request.sql();
    List<ParsedStatement> statements = engine.parse(sql, session);
    if (statements.size() != 1
        || !(statements.get(0).statement() instanceof Query
            || statements.get(0).statement() instanceof PrintTopic)) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT, "Expected exactly one SELECT query or PRINT statement", sql);
    }
    engine.runQuery(statements.get(0), session, subscriber);
  }

  private void refuseIfHeadless() {
    if (headless) {
      throw new EngineException(
          ErrorCode.FORBIDDEN,
          "The server is running in headless mode ("
              + QueriesFile.CONFIG
              + " is set): it runs the statements of its queries file and accepts no statements"
              + " or queries over REST.");
    }
  }

  @Override
  public List<QueryMetrics> queryMetrics() {
    return engine.queryMetrics();
  }

  @Override
  public RowInserts openInserts(String target, Map<String, Object> properties) {
    refuseIfHeadless();
    checkProperties(properties);
    return engine.openInserts(target);
  }

  @Override
  public void requireSettable(String property) {
    denied
        .problem(List.of(property))
        .or(() -> PropertyValues.nameProblem(property))
        .ifPresent(
            problem -> {
              throw new EngineException(ErrorCode.BAD_REQUEST, problem);
            });
  }

  private void requireRunning() {
    if (terminated) {
      throw new EngineException(
          ErrorCode.SERVER_SHUTTING_DOWN,
          "The cluster has been terminated. No new request will be accepted.");
    }
  }

  /**
   * Refuses every request once the cluster is terminated; otherwise checks the properties of a
   * request: none the server denies, each with a value that means something.
   */
  private void checkProperties(Map<String, Object> properties) {
    requireRunning();
    denied
        .problem(properties.keySet())
        .ifPresent(
            problem -> {
              throw new EngineException(ErrorCode.BAD_REQUEST, problem);
            });
    PropertyValues.checkRequest(properties);
  }

  @Override
  public List<KsqlEntity> terminateCluster(List<String> deleteTopicList) {
    synchronized (engine) {
      requireRunning();
      terminator.terminate(deleteTopicList);
      terminated = true;
    }
    String text = "TERMINATE CLUSTER;";
    return List.of(
        new CommandStatusEntity(
            text,
            "cluster/`CLUSTER`/terminate",
            CommandStatus.success("Cluster terminated."),
            0,
            List.of()));
  }

  @Override
  public Optional<ClusterStatusResponse> clusterStatus() {
    return engine.cluster().map(cluster -> ClusterReports.status(cluster.members().hosts()));
  }

  @Override
  public LagResponse lag() {
    List<ClusterHost> hosts =
        engine.cluster().map(cluster -> cluster.members().hosts()).orElse(List.of());
    return ClusterReports.lag(engine, hosts);
  }

  @Override
  public ServerInfo serverInfo() {
    return info;
  }

  @Override
  public HealthCheckResponse healthCheck() {
    boolean kafka = engine.backendHealthy();
    boolean commands = kafka && commandRunner.getAsBoolean();
    return new HealthCheckResponse(
        kafka && commands,
        Map.of(
            "metastore", new HealthCheckResponse.Detail(true),
            "kafka", new HealthCheckResponse.Detail(kafka),
            "commandRunner", new HealthCheckResponse.Detail(commands)));
  }

  @Override
  public Optional<CommandStatus> commandStatus(String commandId) {
    return Optional.ofNullable(statuses.get(commandId));
  }

  @Override
  public Map<String, CommandStatus.Status> commandStatuses() {
    Map<String, CommandStatus.Status> all = new java.util.TreeMap<>();
    statuses.forEach((id, status) -> all.put(id, status.status()));
    return all;
  }

  /**
   * Records the status of a command restored from the command log at start-up, or accepted by
   * another server of the service and followed here.
   */
  public void restored(KsqlEntity entity) {
    remember(entity);
  }

  private void remember(KsqlEntity entity) {
    if (entity instanceof CommandStatusEntity command && !command.commandId().isEmpty()) {
      statuses.put(command.commandId(), command.commandStatus());
    }
  }
}
