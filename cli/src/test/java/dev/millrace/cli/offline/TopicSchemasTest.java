package dev.millrace.cli.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.registry.SchemaReferences;
import dev.millrace.engine.registry.SchemaRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSchemasTest {
  private static final String LOGISTICS =
      "syntax = \"proto3\"; import \"event.proto\"; message Logistics { Event event = 1; }";
  private static final String EVENT = "syntax = \"proto3\"; message Event { int64 timestamp = 1; }";
  private static final String EVENT_V2 =
      "syntax = \"proto3\"; message Event { int64 timestamp = 1; string kind = 2; }";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void importsAreRegisteredUnderTheirNamesAfterEveryTopicsOwnSchema() {
    TopicSchemas.register(
        registry,
        List.of(
            topic("input", null, EVENT), topic("output", 5, EVENT), topic("other", 6, EVENT_V2)));

    SchemaRegistry.SubjectVersion input = registry.latest("input-value").orElseThrow();
    assertEquals(1, input.id(), "the first topic's schema takes the first id");
    assertEquals(
        List.of(new SchemaReference("event.proto", "event.proto", 1)), input.schema().references());
    assertEquals(
        List.of(new SchemaReference("event.proto", "event.proto", 2)),
        registry.latest("other-value").orElseThrow().schema().references());
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
}
