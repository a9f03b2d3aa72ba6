package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.api.ServerInfo;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code /ksql} request that sets a property Millrace would not honour fails, as ksqlDB's does: a
 * SET statement with its position (400, 40001), the request's own properties before any statement
 * runs (400, 40000).
 */
class SettingRequestsTest {
  private final FunctionRegistry functions = FunctionRegistry.builtIns();
  private final StatementEngine engine =
      new StatementEngine(
          new InMemoryBackend(functions), CommandSink.NONE, functions, Map.of(), true);
  private final MillraceEngine rest =
      new MillraceEngine(
          engine,
          new ServerInfo("0", "cluster", "service", "RUNNING"),
          () -> true,
          List.of(),
          false);

  @AfterEach
  void stop() {
    engine.close();
  }

  private EngineException refused(String sql, Map<String, Object> properties) {
    return assertThrows(
        EngineException.class,
        () -> rest.execute(new StatementRequest(sql, properties, Map.of(), OptionalLong.empty())));
  }

  @Test
  void aSetOfARefusedKsqlDbSettingSaysWhereAndWhy() {
    EngineException error =
        refused("SHOW STREAMS;\n  SET 'ksql.query.pull.max.qps'='10';", Map.of());

    assertEquals(ErrorCode.BAD_STATEMENT, error.errorCode());
    assertEquals(
        "line 2:3: Property 'ksql.query.pull.max.qps' is not supported: Millrace does not limit the"
            + " rate of pull queries; limit requests in front of the REST API.",
        error.getMessage());
  }

  @Test
  void aSetOfAServerSettingIsRefused() {
    EngineException error = refused("SET 'ksql.heartbeat.window.ms'='5000';", Map.of());

    assertEquals(
        "line 1:1: Property 'ksql.heartbeat.window.ms' is a server setting: set it in the server's"
            + " configuration, not per query.",
        error.getMessage());
  }

  @Test
  void anUnknownPropertyOfTheRequestIsABadRequestInKsqlDbsWords() {
    EngineException error =
        refused("SHOW STREAMS;", Map.of("ksql.persistence.default.format.vlaue", "JSON"));

    assertEquals(ErrorCode.BAD_REQUEST, error.errorCode());
    assertEquals(
        "Not recognizable as ksql, streams, consumer, or producer property:"
            + " 'ksql.persistence.default.format.vlaue' (did you mean"
            + " 'ksql.persistence.default.format.value'?)",
        error.getMessage());
  }

  @Test
  void isValidPropertyAnswersForTheNameAlone() {
    rest.requireSettable("ksql.streams.commit.interval.ms");
    rest.requireSettable("ksql.persistence.default.format.value");

    assertEquals(
        "Property 'ksql.heartbeat.window.ms' is a server setting: set it in the server's"
            + " configuration, not per query.",
        assertThrows(EngineException.class, () -> rest.requireSettable("ksql.heartbeat.window.ms"))
            .getMessage());
    assertEquals(
        "Not recognizable as ksql, streams, consumer, or producer property: 'ksql.no.such.thing'",
        assertThrows(EngineException.class, () -> rest.requireSettable("ksql.no.such.thing"))
            .getMessage());
  }
}
