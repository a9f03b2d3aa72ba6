package dev.millrace.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import dev.millrace.server.registry.EmbeddedSchemaRegistry;
import dev.millrace.server.registry.ParentWatch;
import dev.millrace.server.registry.RegistryApi;
import dev.millrace.server.registry.RegistrySettings;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with its own broker and no {@code ksql.schema.registry.url} starts the schema registry
 * Millrace was installed with, uses it (with Confluent's default compatibility, BACKWARD), keeps
 * its schemas across a restart (the ids in written records stay valid), and stops it when the
 * server stops. One test, because each server start is a broker's and a registry's.
 */
class EmbeddedRegistryE2eTest {
  private static final Map<String, String> EARLIEST = Map.of("auto.offset.reset", "earliest");

  @TempDir Path dataDir;

  @BeforeEach
  void installRegistry() {
    System.setProperty(
        EmbeddedSchemaRegistry.DISTRIBUTION_PROPERTY, TestSchemaRegistry.distribution().toString());
  }

  @AfterEach
  void uninstallRegistry() {
    System.clearProperty(EmbeddedSchemaRegistry.DISTRIBUTION_PROPERTY);
  }

  @Test
  void theServersRegistryServesAvroKeepsItsSchemasAcrossARestartAndStopsWithTheServer()
      throws Exception {
    List<String> progress = new ArrayList<>();
    int schemaId;
    try (MillraceServer server = start(progress)) {
      String url = server.embeddedRegistryUrl().orElseThrow();
      assertTrue(progress.contains("Schema registry ready at " + url), progress::toString);
      assertEquals(1, registryProcesses(), "registry processes while the server runs");
      RestClient client = new RestClient(server.uri());
      client
          .ksql(
              "CREATE STREAM orders (id STRING KEY, amount INT) "
                  + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='AVRO', PARTITIONS=1);"
                  + "INSERT INTO orders (id, amount) VALUES ('o1', 12);",
              Map.of())
          .ok();
      schemaId = new RegistryApi(url).latest("orders-value").path("id").asInt();
      assertRefusesAnIncompatibleSinkSchema(client, new RegistryApi(url));
    }
    assertEquals(0, registryProcesses(), "registry processes after the server stopped");

    try (MillraceServer server = start(progress)) {
      RegistryApi registry = new RegistryApi(server.embeddedRegistryUrl().orElseThrow());
      assertEquals("AVRO", registry.schema(schemaId).path("schemaType").asText());
      RestClient.QueryResult rows =
          new RestClient(server.uri())
              .query("SELECT id, amount FROM orders EMIT CHANGES LIMIT 1;", EARLIEST);
      assertEquals("[\"o1\",12]", rows.rows().get(0).toString());
    }
  }

  /** No compatibility level is set on the subject: the registry's global BACKWARD applies. */
  private static void assertRefusesAnIncompatibleSinkSchema(RestClient client, RegistryApi registry)
      throws Exception {
    registry.registerAvro(
        "totals-value",
        "{\"type\":\"record\",\"name\":\"KsqlDataSourceSchema\","
            + "\"namespace\":\"io.confluent.ksql.avro_schemas\","
            + "\"fields\":[{\"name\":\"TOTAL\",\"type\":\"string\"}]}");
    client
        .ksql(
            "CREATE STREAM sales (id STRING KEY, total INT) "
                + "WITH (KAFKA_TOPIC='sales', VALUE_FORMAT='JSON', PARTITIONS=1);",
            Map.of())
        .ok();

    RestClient.Answer refused =
        client.ksql(
            "CREATE STREAM totals WITH (KAFKA_TOPIC='totals', VALUE_FORMAT='AVRO') AS "
                + "SELECT id, total FROM sales EMIT CHANGES;",
            Map.of());

    assertEquals(400, refused.status(), refused.body()::toString);
    String message = refused.body().path("message").asText();
    assertTrue(message.contains("subject 'totals-value'"), message);
    assertTrue(message.contains("field TOTAL"), message);
    JsonNode queries = client.ksqlOk("SHOW QUERIES;").get(0).get("queries");
    assertEquals(0, queries.size(), queries::toString);
  }

  private MillraceServer start(List<String> progress) throws Exception {
    Map<String, String> config = new HashMap<>(E2eServers.config(dataDir));
    config.put(RegistrySettings.PORT_PROPERTY, "0");
    return MillraceServer.start(ServerConfig.of(config), progress::add);
  }

  /** The live registry processes this JVM started on this test's data directory. */
  private long registryProcesses() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .map(child -> child.info().commandLine().orElse(""))
        .filter(command -> command.contains(ParentWatch.class.getName()))
        .filter(command -> command.contains(dataDir.toString()))
        .count();
  }
}
