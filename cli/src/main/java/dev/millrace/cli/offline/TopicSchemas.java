package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import java.util.Locale;

/**
 * Registers a case's topic schemas as ksqlDB's test runner does: under {@code <topic>-key} and
 * {@code <topic>-value}, with the case's ids when it names them. The schema type follows the
 * topic's format, or, without one, the schema's shape.
 */
final class TopicSchemas {
  private TopicSchemas() {}

  static void register(InMemorySchemaRegistry registry, TestCase.TopicSpec topic) {
    register(
        registry, topic.name(), true, topic.keyFormat(), topic.keySchema(), topic.keySchemaId());
    register(
        registry,
        topic.name(),
        false,
        topic.valueFormat(),
        topic.valueSchema(),
        topic.valueSchemaId());
  }

  private static void register(
      InMemorySchemaRegistry registry,
      String topic,
      boolean key,
      String format,
      JsonNode schema,
      Integer id) {
    if (schema == null || schema.isNull()) {
      return;
    }
    RegisteredSchema registered = schema(format, schema);
    String subject = SchemaRegistry.subject(topic, key);
    if (id == null) {
      registry.register(subject, registered);
    } else {
      registry.registerWithId(subject, registered, id);
    }
  }

  private static RegisteredSchema schema(String format, JsonNode schema) {
    String type =
        format == null
            ? typeOf(schema)
            : switch (format.toUpperCase(Locale.ROOT)) {
              case "PROTOBUF", "PROTOBUF_NOSR" -> "PROTOBUF";
              case "JSON", "JSON_SR" -> "JSON";
              default -> "AVRO";
            };
    String text =
        type.equals("PROTOBUF") && schema.isTextual() ? schema.asText() : schema.toString();
    return new RegisteredSchema(type, text);
  }

  private static String typeOf(JsonNode schema) {
    if (schema.isTextual() && schema.asText().contains("message ")) {
      return "PROTOBUF";
    }
    if (schema.has("properties")
        || schema.has("$schema")
        || "object".equals(schema.path("type").asText())) {
      return "JSON";
    }
    return "AVRO";
  }
}
