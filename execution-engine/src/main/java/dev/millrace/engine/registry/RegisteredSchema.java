package dev.millrace.engine.registry;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A schema as the registry holds it: its type ({@code AVRO}, {@code JSON} or {@code PROTOBUF}, as
 * Confluent's API names them), its canonical text, and the registered schemas it imports. The
 * references are part of the schema's identity: the same text importing other versions is another
 * schema.
 */
public record RegisteredSchema(String type, String text, List<SchemaReference> references) {
  public RegisteredSchema {
    type = type.toUpperCase(Locale.ROOT);
    Objects.requireNonNull(text, "text");
    references = List.copyOf(references);
  }

  /** A schema that imports no other. */
  public RegisteredSchema(String type, String text) {
    this(type, text, List.of());
  }

  /** This schema importing the schemas {@code references} point at. */
  public RegisteredSchema withReferences(List<SchemaReference> references) {
    return new RegisteredSchema(type, text, references);
  }

  public static RegisteredSchema avro(String text) {
    return new RegisteredSchema("AVRO", text);
  }

  public static RegisteredSchema json(String text) {
    return new RegisteredSchema("JSON", text);
  }

  public static RegisteredSchema protobuf(String text) {
    return new RegisteredSchema("PROTOBUF", text);
  }
}
