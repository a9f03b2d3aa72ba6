package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.server.kafka.BrokerSettings;
import dev.millrace.server.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE OR REPLACE on the real broker, across a restart: the replaced queries keep their ids and
 * carry on from the old queries' committed offsets and state, so records read before the
 * replacement went through the old filter, records after it through the new one, and none is read
 * twice; the restarted server runs the replacement, not the original.
 */
class ReplaceQueryOnKafkaTest {

  @TempDir Path dataDir;

  @Test
  void aReplacedQueryCarriesOnWithTheNewFilterFromWhereTheOldOneStopped() throws Exception {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0))) {
      try (EngineOnKafka server = start(broker)) {
        server.run(
            "CREATE STREAM orders (id STRING KEY, item STRING, qty INT) "
                + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);");
        server.run("CREATE STREAM big AS SELECT id, qty FROM orders WHERE qty > 10;");
        server.run(
            "CREATE TABLE counts AS SELECT item, COUNT(*) AS n FROM orders WHERE qty > 10 "
                + "GROUP BY item;");
        order(server, "a", 5);
        order(server, "b", 20);
        server.output().awaitValues("BIG", values -> values.size() == 1);
        server.output().awaitValues("COUNTS", values -> values.contains("{\"N\":1}"));

        server.run("CREATE OR REPLACE STREAM big AS SELECT id, qty FROM orders WHERE qty > 1;");
        server.run(
            "CREATE OR REPLACE TABLE counts AS SELECT item, COUNT(*) AS n FROM orders "
                + "WHERE qty > 1 GROUP BY item;");
        order(server, "c", 5);
        order(server, "d", 20);

        assertEquals(
            List.of("{\"QTY\":20}", "{\"QTY\":5}", "{\"QTY\":20}"),
            server.output().awaitValues("BIG", values -> values.size() == 3));
        assertEquals(
            List.of("{\"N\":1}", "{\"N\":2}", "{\"N\":3}"),
            server.output().awaitValues("COUNTS", values -> values.size() == 3));
        assertEquals(
            Map.of("CSAS_BIG_0", "RUNNING", "CTAS_COUNTS_1", "RUNNING"), server.queryStates());
      }

      try (EngineOnKafka restarted = start(broker)) {
        assertEquals(
            Map.of("CSAS_BIG_0", "RUNNING", "CTAS_COUNTS_1", "RUNNING"), restarted.queryStates());
        order(restarted, "e", 3);

        assertEquals(
            List.of("{\"QTY\":20}", "{\"QTY\":5}", "{\"QTY\":20}", "{\"QTY\":3}"),
            restarted.output().awaitValues("BIG", values -> values.size() == 4));
        assertEquals(
            List.of("{\"N\":1}", "{\"N\":2}", "{\"N\":3}", "{\"N\":4}"),
            restarted.output().awaitValues("COUNTS", values -> values.size() == 4));
      }
    }
  }

  @Test
  void anIncompatibleReplacementIsRefusedAndTheQueryRunsOn() throws Exception {
    try (EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.start(BrokerSettings.of(dataDir).withPort(0));
        EngineOnKafka server = start(broker)) {
      server.run(
          "CREATE STREAM orders (id STRING KEY, item STRING, qty INT) "
              + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);");
      server.run("CREATE STREAM big AS SELECT id, item, qty FROM orders WHERE qty > 10;");

      EngineException refused =
          assertThrows(
              EngineException.class,
              () -> server.run("CREATE OR REPLACE STREAM big AS\n  SELECT id, qty FROM orders;"));
      assertEquals(
          "line 1:1: Cannot upgrade stream BIG: value columns may only be added after the existing"
              + " ones; these would be changed, removed or moved: `ITEM` STRING, `QTY` INTEGER.",
          refused.getMessage());
      order(server, "a", 20);
      assertEquals(
          List.of("{\"ITEM\":\"x\",\"QTY\":20}"),
          server.output().awaitValues("BIG", values -> values.size() == 1));
    }
  }

  private EngineOnKafka start(EmbeddedKafkaBroker broker) {
    return EngineOnKafka.start(
        broker.bootstrapServers(),
        "replace",
        "0",
        dataDir.resolve("state"),
        Duration.ofSeconds(10));
  }

  private static void order(EngineOnKafka server, String id, int qty) {
    server.run("INSERT INTO orders (id, item, qty) VALUES ('" + id + "', 'x', " + qty + ");");
  }
}
