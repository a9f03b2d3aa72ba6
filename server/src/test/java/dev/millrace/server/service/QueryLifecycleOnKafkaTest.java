package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.engine.runtime.RestartBackoff;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.api.ApiJson;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.kafka.KafkaBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persistent query's life as the user sees it through statements, on the embedded broker (with
 * automatic topic creation off, as production clusters have it): a failure shows as ERROR with its
 * error in SHOW QUERIES, DESCRIBE EXTENDED and EXPLAIN, and a query whose failure a retry may cure
 * comes back by itself; a running query's metrics count its records and state; TERMINATE leaves no
 * internal topic, consumer group or local state behind.
 */
class QueryLifecycleOnKafkaTest {
  private static final String SERVICE_ID = "lifecycle_test";

  @RegisterExtension
  static final KafkaBrokerExtension kafka =
      new KafkaBrokerExtension(
          settings -> settings.withOverride("auto.create.topics.enable", "false"));

  @TempDir Path stateDir;

  private StatementEngine engine;

  @BeforeEach
  void startEngine() {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    // Writes are given up after seconds rather than minutes; restarts wait 100 ms, then 200 ms...
    RuntimeConfig runtime =
        RuntimeConfig.of(kafka.bootstrapServers(), SERVICE_ID, stateDir)
            .withClientProperties(
                Map.of(
                    "max.block.ms", 5000, "delivery.timeout.ms", 5000, "request.timeout.ms", 3000));
    engine =
        new StatementEngine(
            new KafkaBackend(
                runtime,
                functions,
                Duration.ofSeconds(3),
                UnconfiguredSchemaRegistry.INSTANCE,
                new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))),
            CommandSink.NONE,
            functions,
            Map.of(),
            false);
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void aQueryWhoseSinkTopicIsDeletedShowsErrorAndComesBackWithTheTopic() throws Exception {
    run(
        "CREATE STREAM orders (id INT KEY, item STRING) "
            + "WITH (KAFKA_TOPIC='lc_orders', VALUE_FORMAT='JSON', PARTITIONS=1);");
    run("CREATE STREAM items WITH (KAFKA_TOPIC='lc_items') AS SELECT id, item FROM orders;");
    String queryId = onlyQuery().path("id").asText();
    kafka.admin().deleteTopics(List.of("lc_items")).all().get();
    Await.condition(() -> !topicExists("lc_items"), "waited for: the sink topic is gone");

    run("INSERT INTO orders (id, item) VALUES (1, 'pear');");
    Await.condition(
        () -> onlyQuery().path("state").asText().equals("ERROR"),
        "waited for: the query is in ERROR");

    JsonNode listed = onlyQuery();
    assertEquals(1, listed.path("statusCount").path("ERROR").asInt(), listed.toString());
    JsonNode described =
        json(run("DESCRIBE EXTENDED orders;")).path("sourceDescription").path("readQueries");
    assertEquals("ERROR", described.path(0).path("state").asText(), described.toString());
    JsonNode explained = json(run("EXPLAIN " + queryId + ";")).path("queryDescription");
    assertEquals("ERROR", explained.path("state").asText());
    JsonNode error = explained.path("queryErrors").path(0);
    assertEquals("SYSTEM", error.path("type").asText(), error.toString());
    assertTrue(error.path("errorMessage").asText().contains("lc_items"), error.toString());
    assertTrue(error.path("timestamp").asLong() > 0, error.toString());

    kafka
        .admin()
        .createTopics(List.of(new NewTopic("lc_items", Optional.of(1), Optional.empty())))
        .all()
        .get();

    Await.condition(
        () -> onlyQuery().path("state").asText().equals("RUNNING"),
        "waited for: the query restarted");
    JsonNode recovered = json(run("EXPLAIN " + queryId + ";")).path("queryDescription");
    assertEquals("RUNNING", recovered.path("state").asText());
    assertEquals(
        error, recovered.path("queryErrors").path(0), "the error is still listed after recovery");
  }

  @Test
  void terminateDeletesInternalTopicsConsumerGroupAndLocalState() throws Exception {
    run(
        "CREATE STREAM pageviews (id INT KEY, page STRING) "
            + "WITH (KAFKA_TOPIC='lc_pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);");
    run("CREATE TABLE views AS SELECT page, COUNT(*) AS n FROM pageviews GROUP BY page;");
    String queryId = onlyQuery().path("id").asText();
    String group = "_millrace-" + SERVICE_ID + "-query-" + queryId;
    run("INSERT INTO pageviews (id, page) VALUES (1, 'home');");
    Await.condition(
        () -> internalTopics(group).size() == 2, "waited for: a repartition and a changelog topic");
    Await.condition(() -> groupExists(group), "waited for: the query's consumer group");
    Await.condition(
        () -> Files.exists(stateDir.resolve(queryId)), "waited for: the query's local state");
    Await.condition(
        () -> engine.queryMetrics().get(0).recordsOut() == 1,
        "waited for: the count reached the sink topic");
    QueryMetrics metrics = engine.queryMetrics().get(0);
    assertEquals(queryId, metrics.queryId());
    assertEquals("RUNNING", metrics.state());
    assertEquals(2, metrics.recordsIn(), "read from the source, then from the repartition topic");
    assertEquals(0, metrics.processingErrors());
    assertTrue(metrics.stateBytes() > 0, "the count's store is on disk");

    run("TERMINATE " + queryId + ";");

    assertTrue(engine.queries().isEmpty());
    assertEquals(List.of(), engine.queryMetrics());
    assertFalse(Files.exists(stateDir.resolve(queryId)), "local state directory deleted");
    assertFalse(groupExists(group), "consumer group deleted");
    // Topic deletion reaches the broker's metadata shortly after the controller accepts it.
    Await.condition(() -> internalTopics(group).isEmpty(), "waited for: internal topics deleted");
    assertTrue(topicExists("lc_pageviews") && topicExists("VIEWS"), "source and sink stay");
  }

  private KsqlEntity run(String sql) {
    return engine.execute(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()));
  }

  private JsonNode onlyQuery() {
    JsonNode queries = json(run("SHOW QUERIES;")).path("queries");
    assertEquals(1, queries.size(), queries.toString());
    return queries.path(0);
  }

  private static JsonNode json(KsqlEntity entity) {
    return ApiJson.mapper().valueToTree(entity);
  }

  private static boolean topicExists(String topic) {
    return kafka.topics().contains(topic);
  }

  private static Set<String> internalTopics(String group) {
    return kafka.topics().stream().filter(t -> t.startsWith(group)).collect(Collectors.toSet());
  }

  private static boolean groupExists(String group) {
    try {
      return kafka.admin().listConsumerGroups().all().get().stream()
          .map(ConsumerGroupListing::groupId)
          .anyMatch(group::equals);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
