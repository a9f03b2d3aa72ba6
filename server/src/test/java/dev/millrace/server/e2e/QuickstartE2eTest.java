package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.Query;
import dev.millrace.parser.ast.SetProperty;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.e2e.QuickstartDoc.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/quickstart.md} works as printed: every statement of its sql blocks runs in order
 * through the REST API of a real server (embedded Kafka, RocksDB state), the queries return what
 * the page says, and after the restart the page asks for, everything is still there.
 */
class QuickstartE2eTest {

  /** What each SELECT of the page must return (whitespace collapsed, no {@code ;}). */
  private static final Map<String, List<String>> EXPECTED_ROWS =
      Map.of(
          "SELECT user_id, UCASE(page) AS page, duration_ms FROM pageviews WHERE duration_ms > 100 EMIT CHANGES LIMIT 2",
          List.of("[\"alice\",\"/HOME\",120]", "[\"bob\",\"/PRICING\",340]"),
          "SELECT * FROM views_per_user WHERE user_id = 'alice'",
          List.of("[\"alice\",2]"),
          "SELECT user_id, views FROM views_per_user",
          List.of("[\"alice\",2]", "[\"bob\",1]"),
          "SELECT * FROM pageviews WHERE user_id = 'alice'",
          List.of("[\"alice\",\"/home\",120]", "[\"alice\",\"/docs\",95]"),
          "SELECT user_id, page FROM pageviews LIMIT 2",
          List.of("[\"alice\",\"/home\"]", "[\"bob\",\"/pricing\"]"),
          "SELECT * FROM enriched_views EMIT CHANGES LIMIT 3",
          List.of(
              "[\"alice\",\"Alice Liddell\",\"UK\",\"/home\"]",
              "[\"bob\",\"Bob Dylan\",\"US\",\"/pricing\"]",
              "[\"alice\",\"Alice Liddell\",\"UK\",\"/docs\"]"));

  @TempDir Path dataDir;

  private final SqlParser parser = new SqlParser();
  private final Map<String, String> properties = new HashMap<>();
  private final List<JsonNode> showQueries = new ArrayList<>();
  private final Set<String> selectsRun = new TreeSet<>();

  @Test
  void everyStatementWorksAsPrintedAndSurvivesTheRestart() throws Exception {
    QuickstartDoc doc = QuickstartDoc.read();
    MillraceServer server = E2eServers.start(dataDir);
    try {
      for (Section section : doc.sections()) {
        if (section.heading().contains("Restart")) {
          server.close();
          server = E2eServers.start(dataDir);
        }
        RestClient client = new RestClient(server.uri());
        for (ParsedStatement statement : parser.parse(section.sql())) {
          run(client, statement);
        }
      }
      assertEquals(
          new TreeSet<>(EXPECTED_ROWS.keySet()), selectsRun, "every SELECT of the page was run");
      assertEquals(2, showQueries.size(), "SHOW QUERIES before and after the restart");
      Set<String> before = queryIds(showQueries.get(0));
      assertEquals(3, before.size(), () -> "the page starts three persistent queries: " + before);
      assertEquals(before, queryIds(showQueries.get(1)), "the same queries run after the restart");
      assertJoinProducedEveryView(new RestClient(server.uri()));
    } finally {
      server.close();
    }
  }

  private void run(RestClient client, ParsedStatement parsed) throws Exception {
    String text = parsed.text().replaceAll("\\s+", " ").trim();
    if (parsed.statement() instanceof Query) {
      List<String> expected = EXPECTED_ROWS.get(text);
      assertTrue(expected != null, () -> "no expected result for the page's query: " + text);
      selectsRun.add(text);
      if (text.contains("EMIT CHANGES")) {
        assertEquals(expected, rows(client.query(parsed.text(), properties)), text);
      } else {
        assertPullEventuallyReturns(client, parsed.text(), expected);
      }
      return;
    }
    JsonNode entities = client.ksql(parsed.text() + ";", properties).ok();
    assertEquals(1, entities.size(), () -> text + " answered " + entities);
    JsonNode entity = entities.get(0);
    checkEntity(text, entity);
    if (parsed.statement() instanceof SetProperty set) {
      properties.put(set.name(), set.value());
    }
  }

  private void checkEntity(String text, JsonNode entity) {
    String type = entity.path("@type").asText();
    switch (text) {
      case "SHOW STREAMS" ->
          assertEquals(
              Set.of("PAGEVIEWS", "ENRICHED_VIEWS"),
              names(entity.get("streams"), "MILLRACE_PROCESSING_LOG"),
              text);
      case "SHOW TABLES" ->
          assertEquals(
              Set.of("VIEWS_PER_MINUTE", "USERS", "VIEWS_PER_USER"),
              names(entity.get("tables"), ""),
              text);
      case "SHOW QUERIES" -> showQueries.add(entity);
      case "DESCRIBE views_per_user" -> {
        assertEquals(
            "VIEWS_PER_USER", entity.at("/sourceDescription/name").asText(), entity::toString);
        assertEquals("TABLE", entity.at("/sourceDescription/type").asText(), entity::toString);
      }
      default ->
          assertTrue(
              type.equals("currentStatus") || type.equals("warning_entity"),
              () -> text + " answered " + entity);
    }
    if (type.equals("currentStatus")) {
      assertEquals(
          "SUCCESS",
          entity.at("/commandStatus/status").asText(),
          () -> text + " answered " + entity);
    }
  }

  private void assertPullEventuallyReturns(RestClient client, String sql, List<String> expected)
      throws Exception {
    Set<String> want = new TreeSet<>(expected);
    Set<String> got = Set.of();
    for (long deadline = System.nanoTime() + 60_000_000_000L;
        System.nanoTime() < deadline;
        Thread.sleep(200)) {
      try {
        got = new TreeSet<>(rows(client.query(sql, properties)));
      } catch (RestClient.NotReady restoring) {
        // Right after a (re)start the table's state may still be restoring: retry, as a client
        // would.
        continue;
      }
      if (got.equals(want)) {
        return;
      }
    }
    assertEquals(want, got, "pull query " + sql + " within 60 s");
  }

  /** The stream-table join wrote one enriched row per page view. */
  private void assertJoinProducedEveryView(RestClient client) throws Exception {
    RestClient.QueryResult joined =
        client.query(
            "SELECT user_id, page FROM enriched_views EMIT CHANGES LIMIT 3;",
            Map.of("auto.offset.reset", "earliest"));
    assertEquals(
        List.of("[\"alice\",\"/home\"]", "[\"bob\",\"/pricing\"]", "[\"alice\",\"/docs\"]"),
        rows(joined));
  }

  private static List<String> rows(RestClient.QueryResult result) {
    return result.rows().stream().map(JsonNode::toString).toList();
  }

  private static Set<String> queryIds(JsonNode queries) {
    Set<String> ids = new TreeSet<>();
    queries.get("queries").forEach(query -> ids.add(query.get("id").asText()));
    return ids;
  }

  private static Set<String> names(JsonNode sources, String ignored) {
    Set<String> names = new TreeSet<>();
    sources.forEach(source -> names.add(source.get("name").asText()));
    names.remove(ignored);
    return names;
  }
}
