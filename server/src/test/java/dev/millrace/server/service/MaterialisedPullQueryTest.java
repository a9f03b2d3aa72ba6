package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.offline.InMemoryBackend;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pull queries on the in-memory backend: a table a running query materialises is read from the
 * query's store (point reads for keys), a declared source table from its topic.
 */
class MaterialisedPullQueryTest {
  private RecordingBackend backend;
  private StatementEngine engine;

  @BeforeEach
  void start() {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    backend = new RecordingBackend(new InMemoryBackend(functions));
    engine = new StatementEngine(backend, CommandSink.NONE, functions, Map.of(), true);
    run(
        "CREATE STREAM pageviews (user_id STRING KEY, page STRING) "
            + "WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);");
    run(
        "CREATE TABLE views AS SELECT user_id, COUNT(*) AS views FROM pageviews GROUP BY user_id EMIT CHANGES;");
    run("INSERT INTO pageviews (user_id, page) VALUES ('alice', 'home');");
    run("INSERT INTO pageviews (user_id, page) VALUES ('bob', 'home');");
    run("INSERT INTO pageviews (user_id, page) VALUES ('alice', 'news');");
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void looksUpAKeyInTheQueryState() {
    backend.reads.clear();
    assertEquals(
        List.of(List.of("alice", 2L)),
        PullResult.run(engine, "SELECT * FROM views WHERE user_id = 'alice';").rows);
    assertEquals(List.of("state CTAS_VIEWS_0 keys [[alice]]"), backend.reads);
  }

  @Test
  void scansTheQueryStateWithoutAKey() {
    backend.reads.clear();
    PullResult result =
        PullResult.run(engine, "SELECT user_id, views, ROWTIME > 0 AS timed FROM views;");
    assertEquals(
        Set.of(List.of("alice", 2L, true), List.of("bob", 1L, true)), Set.copyOf(result.rows));
    assertEquals(QueryEnd.COMPLETED, result.end);
    assertEquals(List.of("state CTAS_VIEWS_0 scan"), backend.reads);
  }

  @Test
  void appliesTheFilterAndProjectionToStateRows() {
    assertEquals(
        List.of(List.of("bob")),
        PullResult.run(engine, "SELECT user_id FROM views WHERE views < 2;").rows);
  }

  @Test
  void readsADeclaredTableFromItsTopic() {
    run(
        "CREATE SOURCE TABLE users (user_id STRING PRIMARY KEY, name STRING) "
            + "WITH (KAFKA_TOPIC='users', VALUE_FORMAT='JSON', PARTITIONS=1);");
    backend.produce(
        "users",
        "alice".getBytes(StandardCharsets.UTF_8),
        "{\"NAME\":\"Alice\"}".getBytes(StandardCharsets.UTF_8),
        1L);
    backend.reads.clear();
    assertEquals(
        List.of(List.of("alice", "Alice")),
        PullResult.run(engine, "SELECT * FROM users WHERE user_id = 'alice';").rows);
    assertEquals(List.of("topic users"), backend.reads);
  }

  private void run(String sql) {
    engine.execute(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()));
  }
}
