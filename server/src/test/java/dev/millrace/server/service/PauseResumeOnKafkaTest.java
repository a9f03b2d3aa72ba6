package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PAUSE and RESUME on the real broker, across a server restart: a paused aggregation writes nothing
 * while a running query over the same source (the witness) reads on; it stays paused when the
 * server restarts from its command log; on RESUME it reads what waited and counts on from the state
 * it kept.
 */
class PauseResumeOnKafkaTest {
  private static final String COUNTS = "CTAS_COUNTS_0";
  private static final String WITNESS = "CSAS_WITNESS_1";

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @Test
  void aPausedQueryWritesNothingStaysPausedOnRestartAndCatchesUpOnResume() throws Exception {
    try (EngineOnKafka server = start()) {
      server.run(
          "CREATE STREAM clicks (id STRING KEY, page STRING) "
              + "WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=1);");
      server.run("CREATE TABLE counts AS SELECT page, COUNT(*) AS n FROM clicks GROUP BY page;");
      server.run("CREATE STREAM witness AS SELECT id, page FROM clicks;");
      click(server, "1");
      server.output().awaitValues("COUNTS", values -> values.contains("{\"N\":1}"));

      server.run("PAUSE " + COUNTS + ";");
      click(server, "2");
      click(server, "3");
      server.output().awaitValues("WITNESS", values -> values.size() == 3);

      assertEquals(List.of("{\"N\":1}"), server.output().values("COUNTS"));
      assertEquals(Map.of(COUNTS, "PAUSED", WITNESS, "RUNNING"), server.queryStates());
    }

    try (EngineOnKafka restarted = start()) {
      assertEquals(Map.of(COUNTS, "PAUSED", WITNESS, "RUNNING"), restarted.queryStates());
      click(restarted, "4");
      restarted.output().awaitValues("WITNESS", values -> values.size() == 4);
      assertEquals(List.of("{\"N\":1}"), restarted.output().values("COUNTS"));

      restarted.run("RESUME " + COUNTS + ";");

      List<String> counted =
          restarted.output().awaitValues("COUNTS", values -> values.contains("{\"N\":4}"));
      assertEquals("{\"N\":4}", counted.get(counted.size() - 1), counted.toString());
      assertEquals(Map.of(COUNTS, "RUNNING", WITNESS, "RUNNING"), restarted.queryStates());
    }
  }

  private static EngineOnKafka start() {
    return kafka.server("paused", "0", Duration.ofSeconds(10));
  }

  private static void click(EngineOnKafka server, String id) {
    server.run("INSERT INTO clicks (id, page) VALUES ('" + id + "', 'home');");
  }
}
