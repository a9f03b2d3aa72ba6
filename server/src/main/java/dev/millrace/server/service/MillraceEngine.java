package dev.millrace.server.service;

import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.VariableSubstitution;
import dev.millrace.parser.ast.PrintTopic;
import dev.millrace.parser.ast.Query;
import dev.millrace.server.api.CommandStatus;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.HealthCheckResponse;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.ServerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
  private final Map<String, CommandStatus> statuses = new ConcurrentHashMap<>();

  public MillraceEngine(StatementEngine engine, ServerInfo info) {
    this.engine = engine;
    this.info = info;
  }

  @Override
  public List<KsqlEntity> execute(StatementRequest request) {
    PropertyValues.checkRequest(request.properties());
    Session session = Session.of(request.properties(), request.sessionVariables());
    String sql = VariableSubstitution.apply(request.sql(), session.variables());
    List<KsqlEntity> done = new ArrayList<>();
    for (ParsedStatement parsed : engine.parse(sql)) {
      // A DEFINE earlier in the request changes the statements after it.
      ParsedStatement statement = engine.withVariables(parsed, session);
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
    PropertyValues.checkRequest(request.properties());
    Session session = Session.of(request.properties(), request.sessionVariables());
    String sql = VariableSubstitution.apply(request.sql(), session.variables());
    List<ParsedStatement> statements = engine.parse(sql.strip().endsWith(";") ? sql : sql + ";");
    if (statements.size() != 1
        || !(statements.get(0).statement() instanceof Query
            || statements.get(0).statement() instanceof PrintTopic)) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT, "Expected exactly one SELECT query or PRINT statement", sql);
    }
    engine.runQuery(statements.get(0), session, subscriber);
  }

  @Override
  public ServerInfo serverInfo() {
    return info;
  }

  @Override
  public HealthCheckResponse healthCheck() {
    boolean kafka = engine.backendHealthy();
    return new HealthCheckResponse(
        kafka,
        Map.of(
            "metastore", new HealthCheckResponse.Detail(true),
            "kafka", new HealthCheckResponse.Detail(kafka)));
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

  private void remember(KsqlEntity entity) {
    if (entity instanceof CommandStatusEntity command && !command.commandId().isEmpty()) {
      statuses.put(command.commandId(), command.commandStatus());
    }
  }
}
