package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull queries on streams: a scan of the stream's topic, then the filter and projection. */
class StreamPullQueryTest {
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
    run("INSERT INTO pageviews (user_id, page) VALUES ('alice', 'home');");
    run("INSERT INTO pageviews (user_id, page) VALUES ('bob', 'news');");
    run("INSERT INTO pageviews (user_id, page) VALUES ('alice', 'news');");
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void scansEveryRecordOfTheTopicInOrder() {
    backend.reads.clear();
    PullResult result = PullResult.run(engine, "SELECT * FROM pageviews;");

    assertEquals(
        List.of(List.of("alice", "home"), List.of("bob", "news"), List.of("alice", "news")),
        result.rows);
    assertEquals(QueryEnd.COMPLETED, result.end);
    assertEquals(List.of("topic pageviews"), backend.reads);
  }

  @Test
  void filtersOnKeyAndValueColumnsAndStopsAtTheLimit() {
    assertEquals(
        List.of(List.of("home"), List.of("news")),
        PullResult.run(engine, "SELECT page FROM pageviews WHERE user_id = 'alice';").rows);
    assertEquals(
        List.of(List.of("bob", 1L)),
        PullResult.run(
                engine,
                "SELECT user_id, ROWOFFSET AS o FROM pageviews WHERE page = 'news' LIMIT 1;")
            .rows);
  }

  private void run(String sql) {
    engine.execute(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()));
  }
}
