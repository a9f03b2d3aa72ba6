package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.cli.testing.TestRecord;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.server.service.DeclaredSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a case's schemas before its statements run, as ksqlDB's test runner does: the schemas
 * of the case's topics, under {@code <topic>-key} and {@code <topic>-value} with the case's ids
 * when it names them, and for a topic side without one, the schema a CREATE STREAM / CREATE TABLE
 * declares for it with its columns. ksqlDB's runner gathers these per topic in a {@link HashMap}
 * (case topics, then statements, then the topics of inputs and outputs) and registers them in the
 * map's iteration order, key before value; the schema ids a case names in its statements ({@code
 * VALUE_SCHEMA_ID=2}) count on that order, so the same map orders ours. The schema type follows the
 * topic's format, or, without one, the schema's shape. The schemas a topic's schema imports are
 * registered each under a subject named as it is imported, after every topic's own schema, so the
 * imports never take an id a later topic names, as in ksqlDB.
 */
final class TopicSchemas {
  private final InMemorySchemaRegistry registry;

  /** The imported schemas still to register, by subject, in the order their versions follow. */
  private final Map<String, List<RegisteredSchema>> imports = new LinkedHashMap<>();

  private TopicSchemas(InMemorySchemaRegistry registry) {
    this.registry = registry;
  }

  /**
   * One topic's schemas: those the case gives the topic, and, for a side it gives none, the first a
   * CREATE statement declares.
   */
  private record Entry(
      Optional<TestCase.TopicSpec> topic,
      Optional<RegisteredSchema> declaredKey,
      Optional<RegisteredSchema> declaredValue) {

    Entry with(DeclaredSchemas declared) {
      return new Entry(topic, declaredKey.or(declared::key), declaredValue.or(declared::value));
    }
  }

  static void register(
      InMemorySchemaRegistry registry, TestCase test, List<DeclaredSchemas> declared) {
    Map<String, Entry> byTopic = new HashMap<>();
    Entry none = new Entry(Optional.empty(), Optional.empty(), Optional.empty());
    for (TestCase.TopicSpec topic : test.topics()) {
      byTopic.put(topic.name(), new Entry(Optional.of(topic), Optional.empty(), Optional.empty()));
    }
    for (DeclaredSchemas statement : declared) {
      byTopic.compute(
          statement.topic(), (name, entry) -> (entry == null ? none : entry).with(statement));
    }
    for (List<TestRecord> records : List.of(test.inputs(), test.outputs())) {
      records.forEach(record -> byTopic.putIfAbsent(record.topic(), none));
    }
    TopicSchemas schemas = new TopicSchemas(registry);
    byTopic.forEach(
        (name, entry) -> {
          schemas.register(name, true, entry.topic(), entry.declaredKey());
          schemas.register(name, false, entry.topic(), entry.declaredValue());
        });
    schemas.imports.forEach(
        (subject, queued) -> queued.forEach(s -> registry.register(subject, s)));
  }

  /** Registers a topic side's schema: the case's, else the declared one, with the case's id. */
  private void register(
      String topic,
      boolean key,
      Optional<TestCase.TopicSpec> spec,
      Optional<RegisteredSchema> declared) {
    String subject = SchemaRegistry.subject(topic, key);
    JsonNode schema = spec.map(t -> key ? t.keySchema() : t.valueSchema()).orElse(null);
    Integer id = spec.map(t -> key ? t.keySchemaId() : t.valueSchemaId()).orElse(null);
    if (schema != null && !schema.isNull()) {
      TestCase.TopicSpec t = spec.get();
      register(
          subject,
          key ? t.keyFormat() : t.valueFormat(),
          schema,
          id,
          key ? t.keySchemaReferences() : t.valueSchemaReferences());
    } else if (declared.isPresent()) {
      register(subject, declared.get(), id);
    }
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
    register(subject, schema(format, schema).withReferences(pointers), id);
  }

  private void register(String subject, RegisteredSchema schema, Integer id) {
    if (id == null) {
      registry.register(subject, schema);
    } else {
      registry.registerWithId(subject, schema, id);
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
