package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PRINT through the engine: one text line per row, format lines first. */
class PrintTopicTest {
  private StatementEngine engine;

  @BeforeEach
  void start() {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    engine =
        new StatementEngine(
            new InMemoryBackend(functions), CommandSink.NONE, functions, Map.of(), true);
    run(
        "CREATE STREAM pageviews (user_id STRING KEY, page STRING) "
            + "WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);");
    run("INSERT INTO pageviews (user_id, page, ROWTIME) VALUES ('alice', 'home', 1000);");
    run("INSERT INTO pageviews (user_id, page, ROWTIME) VALUES ('bob', 'news', 2000);");
    run("INSERT INTO pageviews (user_id, page, ROWTIME) VALUES ('carol', 'home', 3000);");
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void printsTheTopicFromTheBeginningUpToTheLimit() {
    PullResult result =
        PullResult.run(engine, "PRINT pageviews FROM BEGINNING INTERVAL 2 LIMIT 2;");

    assertEquals(
        List.of(
            List.of("Key format: KAFKA_STRING"),
            List.of("Value format: JSON or KAFKA_STRING"),
            List.of(
                "rowtime: 1970/01/01 00:00:01.000 Z, key: alice, value: {\"PAGE\":\"home\"},"
                    + " partition: 0"),
            List.of(
                "rowtime: 1970/01/01 00:00:03.000 Z, key: carol, value: {\"PAGE\":\"home\"},"
                    + " partition: 0")),
        result.rows);
    assertEquals(QueryEnd.LIMIT_REACHED, result.end);
  }

  @Test
  void aMissingTopicIsAnError() {
    EngineException e =
        assertThrows(EngineException.class, () -> PullResult.run(engine, "PRINT 'nope';"));
    assertEquals(
        "Could not find topic 'nope', or the KSQL user does not have permissions to list the"
            + " topic. Topic names are case-sensitive.",
        e.getMessage());
  }

  private void run(String sql) {
    engine.execute(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()));
  }
}
