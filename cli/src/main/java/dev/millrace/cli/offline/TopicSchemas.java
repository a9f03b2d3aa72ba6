package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.registry.SchemaRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registers a case's topic schemas as ksqlDB's test runner does: under {@code <topic>-key} and
 * {@code <topic>-value}, with the case's ids when it names them. The schema type follows the
 * topic's format, or, without one, the schema's shape. The schemas a topic's schema imports are
 * registered each under a subject named as it is imported, after every topic's own schema: so a
 * case that names no ids finds its first topic's schema under id 1, and the imports never take an
 * id a later topic names, as in ksqlDB.
 */
final class TopicSchemas {
  private final InMemorySchemaRegistry registry;

  /** The imported schemas still to register, by subject, in the order their versions follow. */
  private final Map<String, List<RegisteredSchema>> imports = new LinkedHashMap<>();

  private TopicSchemas(InMemorySchemaRegistry registry) {
    this.registry = registry;
  }

  static void register(InMemorySchemaRegistry registry, List<TestCase.TopicSpec> topics) {
    TopicSchemas schemas = new TopicSchemas(registry);
    for (TestCase.TopicSpec topic : topics) {
      schemas.register(
          SchemaRegistry.subject(topic.name(), true),
          topic.keyFormat(),
          topic.keySchema(),
          topic.keySchemaId(),
          topic.keySchemaReferences());
      schemas.register(
          SchemaRegistry.subject(topic.name(), false),
          topic.valueFormat(),
          topic.valueSchema(),
          topic.valueSchemaId(),
          topic.valueSchemaReferences());
    }
    schemas.imports.forEach(
        (subject, queued) -> queued.forEach(s -> registry.register(subject, s)));
  }

  /** Registers one subject's schema, its references pointing at the versions of its imports. */
  private void register(
      String subject,
      String format,
      JsonNode schema,
      Integer id,
      List<TestCase.SchemaReferenceSpec> references) {
    if (schema == null || schema.isNull()) {
      return;
    }
    List<SchemaReference> pointers = new ArrayList<>();
    for (TestCase.SchemaReferenceSpec reference : references) {
      RegisteredSchema imported = schema(reference.format(), reference.schema());
      pointers.add(
          new SchemaReference(
              reference.name(), reference.name(), version(reference.name(), imported)));
    }
    RegisteredSchema registered = schema(format, schema).withReferences(pointers);
    if (id == null) {
      registry.register(subject, registered);
    } else {
      registry.registerWithId(subject, registered, id);
    }
  }

  /**
   * The version of the subject that holds the imported schema: the one it already has, else the one
   * it will have once the imports queued before it are registered.
   */
  private int version(String subject, RegisteredSchema imported) {
    int latest = registry.latest(subject).map(SchemaRegistry.SubjectVersion::version).orElse(0);
    for (int version = 1; version <= latest; version++) {
      if (registry.version(subject, version).orElseThrow().schema().equals(imported)) {
        return version;
      }
    }
    List<RegisteredSchema> queued = imports.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!queued.contains(imported)) {
      queued.add(imported);
    }
    return latest + 1 + queued.indexOf(imported);
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
