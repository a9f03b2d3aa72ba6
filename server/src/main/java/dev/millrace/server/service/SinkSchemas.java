package dev.millrace.server.service;

import dev.millrace.engine.registry.IncompatibleSchemaException;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaConflicts;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.catalog.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * Registers the schemas a persistent query will write under its sink topic's subjects before the
 * query starts, as ksqlDB does. A registry that refuses one (it is incompatible with the subject's
 * earlier versions) refuses the statement with the subject and the conflicting fields named, before
 * the sink topic is created, anything is written, or the statement is logged.
 */
final class SinkSchemas {
  private final SchemaRegistry registry;

  SinkSchemas(SchemaRegistry registry) {
    this.registry = registry;
  }

  void register(DataSource sink, NodeLocation at, String text) {
    SerdeFactory.keySchema(sink.formats().key(), sink.schema().key())
        .ifPresent(schema -> register(sink, true, schema, at, text));
    SerdeFactory.valueSchema(sink.formats().value(), sink.schema().value())
        .ifPresent(schema -> register(sink, false, schema, at, text));
  }

  private void register(
      DataSource sink, boolean key, RegisteredSchema schema, NodeLocation at, String text) {
    String subject = SchemaRegistry.subject(sink.topic(), key);
    try {
      registry.register(subject, schema);
    } catch (IncompatibleSchemaException refused) {
      throw rejected(
          at,
          "Cannot register the "
              + (key ? "key" : "value")
              + " schema of `"
              + sink.name()
              + "` under subject '"
              + subject
              + "': the schema registry refuses it as incompatible with the subject's "
              + latestVersion(subject)
              + reasons(subject, schema, refused)
              + ". Write to another topic, or change the subject's compatibility level in the registry.",
          text);
    } catch (SchemaRegistryException failed) {
      throw rejected(
          at,
          "Cannot register the "
              + (key ? "key" : "value")
              + " schema of `"
              + sink.name()
              + "` under subject '"
              + subject
              + "': "
              + failed.getMessage(),
          text);
    }
  }

  private String latestVersion(String subject) {
    return registry
        .latest(subject)
        .map(latest -> "version " + latest.version() + " (schema id " + latest.id() + ")")
        .orElse("earlier versions");
  }

  /** The conflicting fields, else what the registry said. */
  private String reasons(
      String subject, RegisteredSchema schema, IncompatibleSchemaException refused) {
    List<String> conflicts =
        registry
            .latest(subject)
            .map(latest -> SchemaConflicts.between(schema, latest.schema()))
            .orElse(List.of());
    return conflicts.isEmpty() ? ": " + refused.getMessage() : ": " + String.join("; ", conflicts);
  }

  private static EngineException rejected(NodeLocation at, String message, String text) {
    String where =
        Optional.of(at).filter(NodeLocation::isKnown).map(l -> l.describe() + ": ").orElse("");
    return new EngineException(ErrorCode.BAD_STATEMENT, where + message, text);
  }
}
