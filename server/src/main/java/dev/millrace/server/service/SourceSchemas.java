package dev.millrace.server.service;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.catalog.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * Registers the schemas of a stream or table that CREATE STREAM / CREATE TABLE declares, as ksqlDB
 * does when it accepts the statement: for each side (key, value) in a schema registry format whose
 * subject has no version yet, the schema the statement names by KEY_SCHEMA_ID / VALUE_SCHEMA_ID,
 * else the schema of its columns, so that the subject exists before any row is written (another
 * CREATE can infer its columns from it, a producer can write with it). A subject that already has
 * versions is left as it is, compatible or not: the source reads the records that are there, and
 * only what writes to the topic (INSERT, a query's sink) registers the schema it writes with.
 */
final class SourceSchemas {
  private SourceSchemas() {}

  /** The source's schemas: those its schema ids name, else those of its columns. */
  static DeclaredSchemas of(DataSource source, SchemaRegistry registry) {
    return new DeclaredSchemas(
        source.topic(),
        side(source.formats().key(), source.storedSchema().key(), true, registry),
        side(source.formats().value(), source.storedSchema().value(), false, registry));
  }

  /**
   * Registers the source's schemas under the subjects that have no version yet.
   *
   * @throws EngineException if the registry cannot be reached or refuses a schema
   */
  static void registerMissing(
      DataSource source, SchemaRegistry registry, NodeLocation at, String text) {
    DeclaredSchemas declared = of(source, registry);
    declared.key().ifPresent(schema -> registerMissing(registry, source, true, schema, at, text));
    declared
        .value()
        .ifPresent(schema -> registerMissing(registry, source, false, schema, at, text));
  }

  private static void registerMissing(
      SchemaRegistry registry,
      DataSource source,
      boolean key,
      RegisteredSchema schema,
      NodeLocation at,
      String text) {
    String subject = SchemaRegistry.subject(source.topic(), key);
    try {
      if (registry.latest(subject).isEmpty()) {
        registry.register(subject, schema);
      }
    } catch (SchemaRegistryException failed) {
      String where = at.isKnown() ? at.describe() + ": " : "";
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          where
              + "Cannot register the "
              + (key ? "key" : "value")
              + " schema of `"
              + source.name()
              + "` under subject '"
              + subject
              + "': "
              + failed.getMessage(),
          text);
    }
  }

  private static Optional<RegisteredSchema> side(
      FormatInfo format, List<Column> columns, boolean key, SchemaRegistry registry) {
    if (!SerdeFormat.named(format.format()).usesRegistry()) {
      return Optional.empty();
    }
    String id = format.options().get(SerdeFactory.SCHEMA_ID);
    if (id != null) {
      return registry.byId(Integer.parseInt(id));
    }
    return key
        ? SerdeFactory.keySchema(format, columns)
        : SerdeFactory.valueSchema(format, columns);
  }
}
