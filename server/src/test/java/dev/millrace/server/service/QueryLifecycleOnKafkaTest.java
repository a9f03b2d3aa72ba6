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
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import dev.millrace.server.kafka.KafkaBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

  @TempDir static Path brokerDir;
  @TempDir Path stateDir;

  private static EmbeddedKafkaBroker broker;
  private static Admin admin;
  private StatementEngine engine;

  @BeforeAll
  static void startBroker() {
    broker =
        EmbeddedKafkaBroker.start(
            BrokerSettings.of(brokerDir)
                .withPort(0)
                .withOverride("auto.create.topics.enable", "false"));
    admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    broker.close();
  }

  @BeforeEach
  void startEngine() {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    // Writes are given up after seconds rather than minutes; restarts wait 100 ms, then 200 ms...
    RuntimeConfig runtime =
        RuntimeConfig.of(broker.bootstrapServers(), SERVICE_ID, stateDir)
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
    admin.deleteTopics(List.of("lc_items")).all().get();
    await(() -> !topicExists("lc_items"), "the sink topic is gone");

    run("INSERT INTO orders (id, item) VALUES (1, 'pear');");
    await(() -> onlyQuery().path("state").asText().equals("ERROR"), "the query is in ERROR");

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

    admin
        .createTopics(List.of(new NewTopic("lc_items", Optional.of(1), Optional.empty())))
        .all()
        .get();

    await(() -> onlyQuery().path("state").asText().equals("RUNNING"), "the query restarted");
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
    await(() -> internalTopics(group).size() == 2, "a repartition and a changelog topic");
    await(() -> groupExists(group), "the query's consumer group");
    await(() -> Files.exists(stateDir.resolve(queryId)), "the query's local state");
    await(() -> engine.queryMetrics().get(0).recordsOut() == 1, "the count reached the sink topic");
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
    await(() -> internalTopics(group).isEmpty(), "internal topics deleted");
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
    return topics().contains(topic);
  }

  private static Set<String> internalTopics(String group) {
    return topics().stream().filter(t -> t.startsWith(group)).collect(Collectors.toSet());
  }

  private static Set<String> topics() {
    try {
      return admin.listTopics().names().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean groupExists(String group) {
    try {
      return admin.listConsumerGroups().all().get().stream()
          .map(ConsumerGroupListing::groupId)
          .anyMatch(group::equals);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "waited 60 s for: " + what);
      Thread.sleep(100);
    }
  }
}
