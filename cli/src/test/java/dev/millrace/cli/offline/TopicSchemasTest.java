package dev.millrace.cli.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millrace.cli.testing.CaseSession;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.registry.SchemaReferences;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.server.service.DeclaredSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A case's schemas get the ids ksqlDB's runner gives them: registered before the statements, topic
 * by topic in the order of a {@link java.util.HashMap} of the topic names (here p, a, b: the
 * buckets of their hashes), key before value, whatever the order of the case's topics and
 * statements. The schemas a topic's schema imports come after every topic's own.
 */
class TopicSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGISTICS =
      "syntax = \"proto3\"; import \"event.proto\"; message Logistics { Event event = 1; }";
  private static final String EVENT = "syntax = \"proto3\"; message Event { int64 timestamp = 1; }";
  private static final String EVENT_V2 =
      "syntax = \"proto3\"; message Event { int64 timestamp = 1; string kind = 2; }";
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

  @Test
  void importsAreRegisteredUnderTheirNamesAfterEveryTopicsOwnSchema() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    // a, b and c: the order of ksqlDB's runner is the case's order here.
    TopicSchemas.register(
        registry,
        caseOf(List.of(topic("a", null, EVENT), topic("b", 5, EVENT), topic("c", 6, EVENT_V2))),
        List.of());

    SchemaRegistry.SubjectVersion input = registry.latest("a-value").orElseThrow();
    assertEquals(1, input.id(), "the first topic's schema takes the first id");
    assertEquals(
        List.of(new SchemaReference("event.proto", "event.proto", 1)), input.schema().references());
    assertEquals(
        List.of(new SchemaReference("event.proto", "event.proto", 2)),
        registry.latest("c-value").orElseThrow().schema().references());
    assertEquals(
        List.of(7, 8),
        List.of(
            registry.version("event.proto", 1).orElseThrow().id(),
            registry.version("event.proto", 2).orElseThrow().id()),
        "imports take ids after the highest a topic names");
    assertEquals(
        Map.of("event.proto", RegisteredSchema.protobuf(EVENT)),
        SchemaReferences.resolve(registry, registry.byId(5).orElseThrow()));
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

  private static TestCase.TopicSpec topic(String name, Integer id, String event) {
    return new TestCase.TopicSpec(
        name,
        null,
        null,
        "PROTOBUF",
        null,
        new TextNode(LOGISTICS),
        null,
        id,
        null,
        List.of(new TestCase.SchemaReferenceSpec("event.proto", "PROTOBUF", new TextNode(event))));
  }

  private static TestCase caseOf(List<TestCase.TopicSpec> topics) {
    return new TestCase(
        "ids", List.of(), Map.of(), topics, List.of(), List.of(), null, null, List.of());
  }

  private static TestCase.TopicSpec topic(String name, String avro) throws Exception {
    JsonNode schema = JSON.readTree(avro);
    return new TestCase.TopicSpec(name, 1, null, "AVRO", null, schema, null, null, null, null);
  }
}
