package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.millrace.server.api.Queries;
import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAUSE and RESUME on the real broker, across a server restart: a paused aggregation writes nothing
 * while a running query over the same source (the witness) reads on; it stays paused when the
 * server restarts from its command log; on RESUME it reads what waited and counts on from the state
 * it kept.
 */
class PauseResumeOnKafkaTest {
  private static final long PATIENCE_MILLIS = 60_000;
  private static final String COUNTS = "CTAS_COUNTS_0";
  private static final String WITNESS = "CSAS_WITNESS_1";

  @TempDir Path dataDir;

  @Test
  void aPausedQueryWritesNothingStaysPausedOnRestartAndCatchesUpOnResume() throws Exception {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0))) {
      try (EngineOnKafka server = start(broker)) {
        server.run(
            "CREATE STREAM clicks (id STRING KEY, page STRING) "
                + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=1);");
        server.run("CREATE TABLE counts AS SELECT page, COUNT(*) AS n FROM clicks GROUP BY page;");
        server.run("CREATE STREAM witness AS SELECT id, page FROM clicks;");
        click(server, "1");
        await(server, "COUNTS", values -> values.contains("{\"N\":1}"));

        server.run("PAUSE " + COUNTS + ";");
        click(server, "2");
        click(server, "3");
        await(server, "WITNESS", values -> values.size() == 3);

        assertEquals(List.of("{\"N\":1}"), values(server, "COUNTS"));
        assertEquals(Map.of(COUNTS, "PAUSED", WITNESS, "RUNNING"), shownStates(server));
      }

      try (EngineOnKafka restarted = start(broker)) {
        assertEquals(Map.of(COUNTS, "PAUSED", WITNESS, "RUNNING"), shownStates(restarted));
        click(restarted, "4");
        await(restarted, "WITNESS", values -> values.size() == 4);
        assertEquals(List.of("{\"N\":1}"), values(restarted, "COUNTS"));

        restarted.run("RESUME " + COUNTS + ";");

        List<String> counted = await(restarted, "COUNTS", values -> values.contains("{\"N\":4}"));
        assertEquals("{\"N\":4}", counted.get(counted.size() - 1), counted.toString());
        assertEquals(Map.of(COUNTS, "RUNNING", WITNESS, "RUNNING"), shownStates(restarted));
      }
    }
  }

  private EngineOnKafka start(EmbeddedKafkaBroker broker) {
    return EngineOnKafka.start(
        broker.bootstrapServers(), "paused", "0", dataDir.resolve("state"), Duration.ofSeconds(10));
  }

  private static void click(EngineOnKafka server, String id) {
    server.run("INSERT INTO clicks (id, page) VALUES ('" + id + "', 'home');");
  }

  /** The topic's records' values, once they satisfy {@code done}. */
  private static List<String> await(
      EngineOnKafka server, String topic, Predicate<List<String>> done) throws Exception {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (!done.test(values(server, topic))) {
      if (System.currentTimeMillis() > deadline) {
        fail("waited in vain for " + topic + ", which has " + values(server, topic));
      }
      Thread.sleep(200);
    }
    return values(server, topic);
  }

  private static List<String> values(EngineOnKafka server, String topic) {
    return server.engine().backend().readTopic(topic).stream()
        .map(record -> new String(record.value(), UTF_8))
        .toList();
  }

  private static Map<String, String> shownStates(EngineOnKafka server) {
    Queries shown =
        (Queries)
            server
                .engine()
                .execute(
                    server.engine().parse("SHOW QUERIES;").get(0),
                    Session.of(new HashMap<>(), Map.of()));
    Map<String, String> states = new TreeMap<>();
    shown.queries().forEach(query -> states.put(query.id(), query.state()));
    return states;
  }
}
