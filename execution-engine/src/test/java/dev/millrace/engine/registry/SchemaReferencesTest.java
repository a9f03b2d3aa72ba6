package dev.millrace.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaReferencesTest {
  private static final RegisteredSchema TIME =
      RegisteredSchema.protobuf("syntax = \"proto3\"; message Time { int64 millis = 1; }");
  private static final RegisteredSchema TIME_V2 =
      RegisteredSchema.protobuf(
          "syntax = \"proto3\"; message Time { int64 millis = 1; string zone = 2; }");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void aSchemaWithoutReferencesImportsNothing() {
    assertEquals(Map.of(), SchemaReferences.resolve(registry, TIME));
  }

  @Test
  void referencesAreFollowedToTheirSubjectVersionsAndOnThroughTheirOwn() {
    registry.register("time", TIME);
    registry.register("time", TIME_V2);
    RegisteredSchema event =
        RegisteredSchema.protobuf("import \"time.proto\"; message Event { Time at = 1; }")
            .withReferences(List.of(new SchemaReference("time.proto", "time", 1)));
    registry.register("event", event);
    RegisteredSchema order =
        RegisteredSchema.protobuf("import \"event.proto\"; message Order { Event placed = 1; }")
            .withReferences(List.of(new SchemaReference("event.proto", "event", 1)));

    Map<String, RegisteredSchema> imports = SchemaReferences.resolve(registry, order);

    assertEquals(List.of("event.proto", "time.proto"), List.copyOf(imports.keySet()));
    assertEquals(event, imports.get("event.proto"));
    assertEquals(TIME, imports.get("time.proto"), "version 1, not the latest");
  }

  @Test
  void aReferenceToTheLatestVersionFollowsTheSubject() {
    registry.register("time", TIME);
    registry.register("time", TIME_V2);
    RegisteredSchema event =
        RegisteredSchema.protobuf("message Event { Time at = 1; }")
            .withReferences(
                List.of(new SchemaReference("time.proto", "time", SchemaRegistry.LATEST)));

    assertEquals(Map.of("time.proto", TIME_V2), SchemaReferences.resolve(registry, event));
  }

  @Test
  void filesThatImportEachOtherAreFollowedOnce() {
    RegisteredSchema a =
        RegisteredSchema.protobuf("message A {}")
            .withReferences(List.of(new SchemaReference("b.proto", "b", 1)));
    RegisteredSchema b =
        RegisteredSchema.protobuf("message B {}")
            .withReferences(List.of(new SchemaReference("a.proto", "a", 1)));
    registry.register("a", a);
    registry.register("b", b);

    assertEquals(Map.of("b.proto", b, "a.proto", a), SchemaReferences.resolve(registry, a));
  }

  @Test
  void aReferenceTheRegistryDoesNotHaveIsAClearError() {
    RegisteredSchema event =
        RegisteredSchema.protobuf("import \"time.proto\"; message Event { Time at = 1; }")
            .withReferences(List.of(new SchemaReference("time.proto", "time", 3)));

    assertEquals(
        "The schema imports 'time.proto' from version 3 of subject 'time', which is not in the"
            + " schema registry",
        assertThrows(SchemaRegistryException.class, () -> SchemaReferences.resolve(registry, event))
            .getMessage());
  }
}
