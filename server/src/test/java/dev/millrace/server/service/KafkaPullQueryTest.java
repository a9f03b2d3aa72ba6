package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.kafka.KafkaBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull queries on a CTAS count over the embedded broker: answered from the query's RocksDB stores
 * (through {@link KafkaBackend#materialisedRows}), by key and by scan, over two partitions.
 */
class KafkaPullQueryTest {
  private static final long PATIENCE_MILLIS = 60_000;

  @TempDir static Path dataDir;

  private static EmbeddedKafkaBroker broker;
  private static RecordingBackend backend;
  private static StatementEngine engine;

  @BeforeAll
  static void start() {
    broker = EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0));
    FunctionRegistry functions = FunctionRegistry.builtIns();
    RuntimeConfig runtime =
        RuntimeConfig.of(broker.bootstrapServers(), "pull_test", dataDir.resolve("state"));
    backend = new RecordingBackend(new KafkaBackend(runtime, functions, Duration.ofSeconds(30)));
    engine = new StatementEngine(backend, CommandSink.NONE, functions, Map.of(), false);
    run(
        "CREATE STREAM clicks (user_id STRING KEY, page STRING) "
            + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=2);");
    run(
        "CREATE TABLE clicks_per_user AS SELECT user_id, COUNT(*) AS clicks FROM clicks GROUP BY user_id EMIT CHANGES;");
    for (String user : List.of("alice", "bob", "alice", "carol", "alice", "bob")) {
      run("INSERT INTO clicks (user_id, page) VALUES ('" + user + "', 'home');");
    }
  }

  @AfterAll
  static void stop() {
    engine.close();
    broker.close();
  }

  @Test
  void answersKeyLookupsAndScansFromTheQueryState() throws InterruptedException {
    Set<List<Object>> expected =
        Set.of(List.of("alice", 3L), List.of("bob", 2L), List.of("carol", 1L));
    awaitRows(expected, () -> Set.copyOf(pull("SELECT * FROM clicks_per_user;")));
    assertEquals(
        List.of(List.of("alice", 3L)),
        pull("SELECT * FROM clicks_per_user WHERE user_id = 'alice';"));
    assertEquals(
        List.of(List.of("bob", 2L)),
        pull("SELECT user_id, clicks FROM clicks_per_user WHERE user_id = 'bob';"));
    assertEquals(List.of(), pull("SELECT * FROM clicks_per_user WHERE user_id = 'nobody';"));

    backend.reads.clear();
    pull("SELECT * FROM clicks_per_user WHERE user_id = 'carol';");
    String queryId = engine.queries().keySet().iterator().next();
    assertEquals(List.of("state " + queryId + " keys [[carol]]"), backend.reads);
  }

  @Test
  void aPullQueryOnAStreamScansItsTopic() {
    assertEquals(
        List.of(List.of("bob", "home"), List.of("bob", "home")),
        pull("SELECT * FROM clicks WHERE user_id = 'bob';"));
    assertEquals(3, pull("SELECT page FROM clicks WHERE user_id = 'alice';").size());
  }

  @Test
  void printShowsTheTopicFromTheBeginningUpToItsLimit() throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    List<String> lines = new CopyOnWriteArrayList<>();
    engine.runQuery(
        engine.parse("PRINT clicks FROM BEGINNING LIMIT 6;").get(0),
        Session.of(new HashMap<>(), Map.of()),
        new QuerySubscriber() {
          @Override
          public void onStart(QueryHeader header, QuerySubscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onRow(List<Object> row) {
            lines.add((String) row.get(0));
          }

          @Override
          public void onEnd(QueryEnd end) {
            ended.countDown();
          }

          @Override
          public void onError(EngineException error) {
            ended.countDown();
          }
        });

    assertTrue(
        ended.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "PRINT never reached its LIMIT");
    assertEquals("Key format: KAFKA_STRING", lines.get(0));
    assertEquals("Value format: JSON or KAFKA_STRING", lines.get(1));
    assertEquals(8, lines.size());
    assertTrue(
        lines
            .get(2)
            .matches("rowtime: .* Z, key: \\w+, value: \\{\"PAGE\":\"home\"}, partition: [01]"),
        lines.get(2));
  }

  /** Polls until the query has counted every insert (a condition, not a timed assertion). */
  private static void awaitRows(Set<List<Object>> expected, Supplier<Set<List<Object>>> actual)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    Set<List<Object>> last = actual.get();
    while (!expected.equals(last)) {
      if (System.currentTimeMillis() > deadline) {
        fail("the table never held " + expected + "; last pull query returned " + last);
      }
      Thread.sleep(100);
      last = actual.get();
    }
  }

  private static List<List<Object>> pull(String sql) {
    return PullResult.run(engine, sql).rows;
  }

  private static void run(String sql) {
    engine.execute(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()));
  }
}
