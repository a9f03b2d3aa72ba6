package dev.millrace.cli.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.cli.testing.CaseSession;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.server.service.DeclaredSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A case's schemas get the ids ksqlDB's runner gives them: registered before the statements, topic
 * by topic in the order of a {@link java.util.HashMap} of the topic names (here p, a, b: the
 * buckets of their hashes), key before value, whatever the order of the case's topics and
 * statements.
 */
class TopicSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DECLARING =
      "CREATE STREAM declared (V STRING) WITH (KAFKA_TOPIC='p', PARTITIONS=1, "
          + "VALUE_FORMAT='AVRO', WRAP_SINGLE_VALUE=false);";

  @Test
  void topicsAndDeclaredSchemasAreRegisteredInTheOrderOfKsqlDbsRunner() throws Exception {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    RegisteredSchema declared = RegisteredSchema.avro("\"long\"");

    TopicSchemas.register(
        registry,
        twoTopics(List.of(DECLARING)),
        List.of(new DeclaredSchemas("p", Optional.empty(), Optional.of(declared))));

    assertEquals(Optional.of(declared), registry.byId(1));
    assertEquals("\"int\"", registry.byId(2).orElseThrow().text(), "a-value");
    assertEquals("\"double\"", registry.byId(3).orElseThrow().text(), "b-value");
  }

  @Test
  void aCreateStreamFindsTheSchemaItDeclaresRegisteredAlready() throws Exception {
    try (CaseSession session =
        new EngineCaseSession(FunctionRegistry.builtIns(), Map.<String, Object>of())) {
      session.createTopics(twoTopics(List.of(DECLARING)));
      session.execute(DECLARING);
      // Schema 1 is the declared stream's: its single STRING column.
      session.execute(
          "CREATE STREAM by_id WITH (KAFKA_TOPIC='q', PARTITIONS=1, VALUE_FORMAT='AVRO', "
              + "VALUE_SCHEMA_ID=1, WRAP_SINGLE_VALUE=false);");

      assertEquals("`ROWVAL` STRING", session.source("BY_ID").orElseThrow().schema());
    }
  }

  /** Topics b and a, in that order, with Avro value schemas of their own. */
  private static TestCase twoTopics(List<String> statements) throws Exception {
    return new TestCase(
        "ids",
        statements,
        Map.of(),
        List.of(topic("b", "\"double\""), topic("a", "\"int\"")),
        List.of(),
        List.of(),
        null,
        null,
        List.of());
  }

  private static TestCase.TopicSpec topic(String name, String avro) throws Exception {
    JsonNode schema = JSON.readTree(avro);
    return new TestCase.TopicSpec(name, 1, null, "AVRO", null, schema, null, null);
  }
}
