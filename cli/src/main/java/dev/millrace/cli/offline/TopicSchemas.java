package dev.millrace.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.testing.TestCase;
import dev.millrace.cli.testing.TestRecord;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.server.service.DeclaredSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a case's schemas before its statements run, as ksqlDB's test runner does: the schemas
 * of the case's topics, under {@code <topic>-key} and {@code <topic>-value} with the case's ids
 * when it names them, and for a topic (side) without one, the schema a CREATE STREAM / CREATE TABLE
 * declares for it with its columns. ksqlDB's runner gathers these per topic in a {@link HashMap}
 * (case topics, then statements, then the topics of inputs and outputs) and registers them in the
 * map's iteration order, key before value; the schema ids a case names in its statements ({@code
 * VALUE_SCHEMA_ID=2}) count on that order, so the same map orders ours.
 */
final class TopicSchemas {
  private TopicSchemas() {}

  /** One topic's schemas to register, with the ids the case gives them. */
  private record Entry(
      Optional<RegisteredSchema> key,
      Optional<Integer> keyId,
      Optional<RegisteredSchema> value,
      Optional<Integer> valueId) {

    /** The entry with this entry's schemas, and the statement's where this one has none. */
    Entry merge(DeclaredSchemas declared) {
      return new Entry(key.or(declared::key), keyId, value.or(declared::value), valueId);
    }
  }

  static void register(
      InMemorySchemaRegistry registry, TestCase test, List<DeclaredSchemas> declared) {
    Map<String, Entry> byTopic = new HashMap<>();
    for (TestCase.TopicSpec topic : test.topics()) {
      byTopic.put(topic.name(), entry(topic));
    }
    for (DeclaredSchemas statement : declared) {
      byTopic.compute(
          statement.topic(),
          (name, entry) ->
              entry == null
                  ? new Entry(
                      statement.key(), Optional.empty(), statement.value(), Optional.empty())
                  : entry.merge(statement));
    }
    Entry none = new Entry(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    for (List<TestRecord> records : List.of(test.inputs(), test.outputs())) {
      records.forEach(record -> byTopic.putIfAbsent(record.topic(), none));
    }
    byTopic.forEach(
        (topic, entry) -> {
          register(registry, SchemaRegistry.subject(topic, true), entry.key(), entry.keyId());
          register(registry, SchemaRegistry.subject(topic, false), entry.value(), entry.valueId());
        });
  }

  private static void register(
      InMemorySchemaRegistry registry,
      String subject,
      Optional<RegisteredSchema> schema,
      Optional<Integer> id) {
    if (schema.isEmpty()) {
      return;
    }
    if (id.isPresent()) {
      registry.registerWithId(subject, schema.get(), id.get());
    } else {
      registry.register(subject, schema.get());
    }
  }

  private static Entry entry(TestCase.TopicSpec topic) {
    return new Entry(
        schema(topic.keyFormat(), topic.keySchema()),
        Optional.ofNullable(topic.keySchemaId()),
        schema(topic.valueFormat(), topic.valueSchema()),
        Optional.ofNullable(topic.valueSchemaId()));
  }

  /** The schema type follows the topic's format, or, without one, the schema's shape. */
  private static Optional<RegisteredSchema> schema(String format, JsonNode schema) {
    if (schema == null || schema.isNull()) {
      return Optional.empty();
    }
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
    return Optional.of(new RegisteredSchema(type, text));
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
