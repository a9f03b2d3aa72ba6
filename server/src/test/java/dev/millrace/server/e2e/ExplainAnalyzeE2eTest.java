package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.MillraceServer;
import dev.millrace.server.service.Await;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPLAIN ANALYZE over REST on a whole server (embedded broker, Kafka runtime, RocksDB): the counts
 * it shows start at zero and move with the records the query reads, step by step; the query's
 * {@code /metrics} records out agree with its sink step, and carry on when CREATE OR REPLACE
 * restarts the query with a new plan.
 */
class ExplainAnalyzeE2eTest {
  private static final String RECORDS_OUT =
      "millrace_query_records_out_total{query_id=\"CTAS_TOTALS_0\"}";
  private static final Pattern COUNTS =
      Pattern.compile("counts: in=(\\d+) out=(\\d+)(?: filtered=(\\d+))? errors=(\\d+)(.*)");

  @TempDir Path dataDir;

  @Test
  void countsStartAtZeroAndMoveWithTheRecordsEachStepHandles() throws Exception {
    try (MillraceServer server = E2eServers.start(dataDir)) {
      RestClient client = new RestClient(server.uri());
      client.ksqlOk(
          "CREATE STREAM orders (id BIGINT KEY, item STRING, qty INTEGER) "
              + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);");
      client.ksqlOk(
          "CREATE TABLE totals AS SELECT item, SUM(qty) AS qty FROM orders WHERE qty > 2 "
              + "GROUP BY item;");
      // sink, select, aggregate, group by, select, filter, source
      assertEquals(
          List.of("0 0 - 0", "0 0 - 0", "0 0 - 0", "0 0 - 0", "0 0 - 0", "0 0 0 0", "0 0 - 0"),
          counts(client, "EXPLAIN ANALYZE CTAS_TOTALS_0;"));

      client.ksqlOk("INSERT INTO orders (id, item, qty) VALUES (1, 'pen', 1);");
      client.ksqlOk("INSERT INTO orders (id, item, qty) VALUES (2, 'ink', 5);");
      client.ksqlOk("INSERT INTO orders (id, item, qty) VALUES (3, 'pen', 7);");
      List<String> three =
          await(client, "EXPLAIN ANALYZE CTAS_TOTALS_0;", "2 2 - 0", "3 2 1 0", "3 3 - 0");
      assertEquals(
          List.of("2 2 - 0", "2 2 - 0", "2 2 - 0", "2 2 - 0", "2 2 - 0", "3 2 1 0", "3 3 - 0"),
          three);

      client.ksqlOk("INSERT INTO orders (id, item, qty) VALUES (4, 'cap', 9);");
      List<String> four =
          await(
              client,
              "EXPLAIN ANALYZE SELECT item, SUM(qty) AS qty FROM orders WHERE qty > 2 "
                  + "GROUP BY item EMIT CHANGES;",
              "3 3 - 0",
              "4 3 1 0",
              "4 4 - 0");
      assertEquals(
          List.of("3 3 - 0", "3 3 - 0", "3 3 - 0", "3 3 - 0", "3 3 - 0", "4 3 1 0", "4 4 - 0"),
          four);
      assertTrue(
          plan(client, "EXPLAIN ANALYZE CTAS_TOTALS_0;").contains("store=1-Aggregate-store"),
          "the aggregate names its store");
      assertTrue(stateBytes(client) > 0, "RocksDB holds the aggregate's state on disk");

      assertTrue(
          metrics(server).contains(RECORDS_OUT + " 3\n"),
          "the sink's count is the query's records out: " + metrics(server));

      // CREATE OR REPLACE starts the query's new plan, counted step by step from 0, while the
      // query's own counters carry on.
      client.ksqlOk(
          "CREATE OR REPLACE TABLE totals AS SELECT item, SUM(qty) AS qty FROM orders "
              + "WHERE qty > 1 GROUP BY item;");
      client.ksqlOk("INSERT INTO orders (id, item, qty) VALUES (5, 'pen', 2);");
      List<String> replaced =
          await(client, "EXPLAIN ANALYZE CTAS_TOTALS_0;", "1 1 - 0", "1 1 0 0", "1 1 - 0");
      assertEquals(
          List.of("1 1 - 0", "1 1 - 0", "1 1 - 0", "1 1 - 0", "1 1 - 0", "1 1 0 0", "1 1 - 0"),
          replaced);
      assertTrue(
          metrics(server).contains(RECORDS_OUT + " 4\n"),
          "records out carry on across the replacement: " + metrics(server));
    }
  }

  private static String metrics(MillraceServer server) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.uri().resolve("/metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String plan(RestClient client, String sql) throws Exception {
    return client.ksqlOk(sql).get(0).get("queryDescription").get("executionPlan").asText();
  }

  /**
   * Each step's counts, sink first, as "in out filtered errors" ({@code -} where a step filters
   * nothing).
   */
  private static List<String> counts(RestClient client, String sql) throws Exception {
    List<String> steps = new ArrayList<>();
    Matcher matcher = COUNTS.matcher(plan(client, sql));
    while (matcher.find()) {
      String filtered = matcher.group(3) == null ? "-" : matcher.group(3);
      steps.add(
          matcher.group(1) + " " + matcher.group(2) + " " + filtered + " " + matcher.group(4));
    }
    return steps;
  }

  private static long stateBytes(RestClient client) throws Exception {
    Matcher state =
        Pattern.compile("state=(\\d+) bytes")
            .matcher(plan(client, "EXPLAIN ANALYZE CTAS_TOTALS_0;"));
    assertTrue(state.find(), "the aggregate shows its state");
    return Long.parseLong(state.group(1));
  }

  /** The counts once the sink, the filter and the source show the given ones. */
  private static List<String> await(
      RestClient client, String sql, String sink, String filter, String source) throws Exception {
    List<String> steps =
        Await.until(
            () -> counts(client, sql),
            counts ->
                counts.get(0).equals(sink)
                    && counts.get(5).equals(filter)
                    && counts.get(6).equals(source));
    assertEquals(
        List.of(sink, filter, source),
        List.of(steps.get(0), steps.get(5), steps.get(6)),
        steps::toString);
    return steps;
  }
}
