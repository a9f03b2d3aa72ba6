package dev.millrace.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {
  private static final RegisteredSchema V1 =
      RegisteredSchema.avro(
          "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
  private static final RegisteredSchema V2_OPTIONAL_FIELD =
      RegisteredSchema.avro(
          "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
              + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
  private static final RegisteredSchema V2_REQUIRED_FIELD =
      RegisteredSchema.avro(
          "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
              + "{\"name\":\"b\",\"type\":\"string\"}]}");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void idsFollowRegistrationOrderAndASchemaKeepsItsIdAcrossSubjects() {
    assertEquals(1, registry.register("a-value", V1));
    assertEquals(2, registry.register("a-value", V2_OPTIONAL_FIELD));
    assertEquals(1, registry.register("b-value", V1));
    assertEquals(2, registry.register("a-value", V2_OPTIONAL_FIELD));

    assertEquals(
        Optional.of(new SchemaRegistry.SubjectVersion("a-value", 2, 2, V2_OPTIONAL_FIELD)),
        registry.latest("a-value"));
    assertEquals(Optional.of(V1), registry.byId(1));
    assertEquals(Optional.empty(), registry.latest("c-value"));
    assertEquals(Optional.empty(), registry.byId(3));
  }

  @Test
  void versionsAreNumberedFromOneAndMinusOneIsTheLatest() {
    registry.register("a-value", V1);
    registry.register("a-value", V2_OPTIONAL_FIELD);

    assertEquals(
        Optional.of(new SchemaRegistry.SubjectVersion("a-value", 1, 1, V1)),
        registry.version("a-value", 1));
    assertEquals(
        Optional.of(new SchemaRegistry.SubjectVersion("a-value", 2, 2, V2_OPTIONAL_FIELD)),
        registry.version("a-value", SchemaRegistry.LATEST));
    assertEquals(Optional.empty(), registry.version("a-value", 3));
    assertEquals(Optional.empty(), registry.version("a-value", 0));
    assertEquals(Optional.empty(), registry.version("b-value", SchemaRegistry.LATEST));
  }

  @Test
  void theSameTextWithOtherReferencesIsAnotherSchema() {
    RegisteredSchema importer = RegisteredSchema.protobuf("import \"a.proto\"; message M {}");

    int first =
        registry.register(
            "m-value", importer.withReferences(List.of(new SchemaReference("a.proto", "a", 1))));
    int second =
        registry.register(
            "m-value", importer.withReferences(List.of(new SchemaReference("a.proto", "a", 2))));

    assertEquals(List.of(1, 2), List.of(first, second));
  }

  @Test
  void chosenIdsAreKeptAndLaterIdsFollowTheHighest() {
    registry.registerWithId("t-value", V1, 100);

    assertEquals(101, registry.register("t-key", RegisteredSchema.avro("\"string\"")));
    assertEquals(100, registry.latest("t-value").orElseThrow().id());
    assertThrows(
        SchemaRegistryException.class,
        () -> registry.registerWithId("u-value", V2_OPTIONAL_FIELD, 100));
  }

  @Test
  void newVersionsMustBeBackwardCompatible() {
    registry.register("a-value", V1);

    assertTrue(registry.isCompatible("a-value", V2_OPTIONAL_FIELD));
    assertFalse(registry.isCompatible("a-value", V2_REQUIRED_FIELD));
    assertTrue(registry.isCompatible("new-value", V2_REQUIRED_FIELD));
  }
}
