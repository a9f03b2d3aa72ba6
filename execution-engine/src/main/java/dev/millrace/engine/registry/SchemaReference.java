package dev.millrace.engine.registry;

import java.util.Objects;

/**
 * One import of a registered schema, as Confluent's API records it: the {@code name} the schema
 * imports it by (for Protobuf, the file name of its {@code import} statement) and the subject
 * version that holds the imported schema.
 */
public record SchemaReference(String name, String subject, int version) {
  public SchemaReference {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
  }
}
