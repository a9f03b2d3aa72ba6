package dev.millrace.engine.registry;

import java.util.Locale;
import java.util.Objects;

/**
 * A schema as the registry holds it: its type ({@code AVRO}, {@code JSON} or {@code PROTOBUF}, as
 * Confluent's API names them) and its canonical text.
 */
public record RegisteredSchema(String type, String text) {
  public RegisteredSchema {
    type = type.toUpperCase(Locale.ROOT);
    Objects.requireNonNull(text, "text");
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
