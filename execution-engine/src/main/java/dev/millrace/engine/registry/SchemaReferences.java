package dev.millrace.engine.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schemas a registered schema imports, found by following its references to the subject
 * versions that hold them, and theirs in turn, as Confluent's deserializers do before they parse a
 * schema.
 */
public final class SchemaReferences {
  private SchemaReferences() {}

  /**
   * Every schema {@code schema} imports, directly or through another import, by the name it is
   * imported by; empty for a schema without references.
   *
   * @throws SchemaRegistryException when a referenced subject version is not in the registry
   */
  public static Map<String, RegisteredSchema> resolve(
      SchemaRegistry registry, RegisteredSchema schema) {
    Map<String, RegisteredSchema> imports = new LinkedHashMap<>();
    follow(registry, schema, imports);
    return imports;
  }

  private static void follow(
      SchemaRegistry registry, RegisteredSchema schema, Map<String, RegisteredSchema> imports) {
    for (SchemaReference reference : schema.references()) {
      // An import already followed is not followed again, so files importing each other end.
      if (!imports.containsKey(reference.name())) {
        RegisteredSchema imported =
            registry
                .version(reference.subject(), reference.version())
                .map(SchemaRegistry.SubjectVersion::schema)
                .orElseThrow(() -> missing(reference));
        imports.put(reference.name(), imported);
        follow(registry, imported, imports);
      }
    }
  }

  private static SchemaRegistryException missing(SchemaReference reference) {
    return new SchemaRegistryException(
        "The schema imports '"
            + reference.name()
            + "' from version "
            + (reference.version() == SchemaRegistry.LATEST
                ? "latest"
                : String.valueOf(reference.version()))
            + " of subject '"
            + reference.subject()
            + "', which is not in the schema registry");
  }
}
