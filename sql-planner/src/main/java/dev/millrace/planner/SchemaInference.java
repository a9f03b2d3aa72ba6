package dev.millrace.planner;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.serde.RegisteredTypes;
import dev.millrace.engine.serde.SerdeException;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.analysis.FormatOptions;
import dev.millrace.planner.analysis.WithClause;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Completes the columns of CREATE STREAM|TABLE from the schema registry, as ksqlDB does for formats
 * with schema inference: value columns left out are read from the value schema (the one
 * VALUE_SCHEMA_ID names, else the subject's latest version), key columns left out from the key
 * schema when there is one. A record schema gives one column per field; any other schema, or a
 * record with WRAP_SINGLE_VALUE=false, gives the single column ROWVAL (ROWKEY for keys). Names are
 * upper-cased, columns and struct fields alike, as unquoted SQL names are; the serdes match fields
 * ignoring case, so the registered schema's own names still read and write.
 *
 * <p>A side inferred from the subject's latest version is pinned to that version's id, as if
 * KEY_SCHEMA_ID / VALUE_SCHEMA_ID named it: whatever Millrace writes in the source's layout (INSERT
 * INTO, a join's repartition written as the table's keys) then carries the producer's schema and
 * id. Writing a generated schema instead would register another version, and equal keys with
 * different ids in their bytes hash to different partitions.
 */
final class SchemaInference {
  /**
   * The completed columns, whether the value columns are one unwrapped value, and the ids of the
   * latest versions the key and value columns were inferred from (absent for a side declared, or
   * pinned by the WITH clause).
   */
  record Inferred(
      LogicalSchema schema, boolean unwrappedValue, OptionalInt keyId, OptionalInt valueId) {}

  /** A schema read from the registry, and the id to pin when it was the subject's latest. */
  private record Found(RegisteredSchema schema, OptionalInt latestId) {}

  private final SchemaRegistry registry;
  private final WithClause with;
  private final String topic;
  private final NodeLocation statement;

  SchemaInference(SchemaRegistry registry, WithClause with, String topic, NodeLocation statement) {
    this.registry = registry;
    this.with = with;
    this.topic = topic;
    this.statement = statement;
  }

  Inferred complete(LogicalSchema declared, String keyFormat, String valueFormat) {
    boolean keyRegistry = SerdeFormat.of(keyFormat).map(SerdeFormat::usesRegistry).orElse(false);
    boolean valueRegistry =
        SerdeFormat.of(valueFormat).map(SerdeFormat::usesRegistry).orElse(false);
    if (keyRegistry) {
      checkNotBoth(declared.key(), true);
    }
    if (valueRegistry) {
      checkNotBoth(declared.value(), false);
    }
    List<Column> key = declared.key();
    OptionalInt keyId = OptionalInt.empty();
    if (key.isEmpty() && keyRegistry) {
      boolean fields = SerdeFormat.named(keyFormat).wrapsSingleKey();
      Optional<Found> found = schema(true, false);
      key = found.map(f -> keyColumns(type(f.schema(), true), fields)).orElse(List.of());
      keyId = found.map(Found::latestId).orElse(OptionalInt.empty());
    }
    if (!declared.value().isEmpty() || !valueRegistry) {
      return new Inferred(
          new LogicalSchema(key, declared.value()), false, keyId, OptionalInt.empty());
    }
    Found found = schema(false, true).orElseThrow();
    SqlType value = type(found.schema(), false);
    boolean unwrapped =
        !(value instanceof SqlType.Struct) || !with.bool("WRAP_SINGLE_VALUE").orElse(true);
    List<Column> values =
        unwrapped
            ? List.of(new Column("ROWVAL", value))
            : ((SqlType.Struct) value)
                .fields().stream().map(f -> new Column(f.name(), f.type())).toList();
    return new Inferred(new LogicalSchema(key, values), unwrapped, keyId, found.latestId());
  }

  private static SqlType upperCased(SqlType type) {
    if (type instanceof SqlType.Struct struct) {
      return new SqlType.Struct(
          struct.fields().stream()
              .map(f -> new SqlType.Field(f.name().toUpperCase(Locale.ROOT), upperCased(f.type())))
              .toList());
    }
    if (type instanceof SqlType.Array array) {
      return new SqlType.Array(upperCased(array.element()));
    }
    if (type instanceof SqlType.Map map) {
      return new SqlType.Map(map.key(), upperCased(map.value()));
    }
    return type;
  }

  /**
   * A key schema's columns: its fields when the format always wraps keys in a message, else ROWKEY.
   */
  private static List<Column> keyColumns(SqlType type, boolean fields) {
    if (fields && type instanceof SqlType.Struct struct) {
      return struct.fields().stream().map(f -> new Column(f.name(), f.type())).toList();
    }
    return List.of(new Column("ROWKEY", type));
  }

  private void checkNotBoth(List<Column> declared, boolean key) {
    String property = key ? "KEY_SCHEMA_ID" : "VALUE_SCHEMA_ID";
    if (!declared.isEmpty() && with.has(property)) {
      throw new PlanningException(
          with.location(property, statement),
          "Table elements and " + property + " cannot both exist for create statement.");
    }
  }

  /**
   * The schema the WITH clause names by id, else the subject's latest; {@code required} fails
   * without one.
   */
  private Optional<Found> schema(boolean key, boolean required) {
    String subject = SchemaRegistry.subject(topic, key);
    OptionalInt id = FormatOptions.schemaId(with, key);
    try {
      Optional<Found> found =
          id.isPresent()
              ? registry.byId(id.getAsInt()).map(s -> new Found(s, OptionalInt.empty()))
              : registry.latest(subject).map(v -> new Found(v.schema(), OptionalInt.of(v.id())));
      if (found.isEmpty() && (required || id.isPresent())) {
        throw new PlanningException(
            statement,
            id.isPresent()
                ? "Schema id " + id.getAsInt() + " does not exist in the schema registry."
                : "Schema for message "
                    + (key ? "keys" : "values")
                    + " on topic '"
                    + topic
                    + "' does not exist in the "
                    + "schema registry. Subject: "
                    + subject);
      }
      return found;
    } catch (SchemaRegistryException failed) {
      throw new PlanningException(
          statement, "Cannot read the schema of " + subject + ": " + failed.getMessage());
    }
  }

  private SqlType type(RegisteredSchema schema, boolean key) {
    Optional<String> message =
        key
            ? with.string("KEY_SCHEMA_FULL_NAME")
            : with.string("VALUE_SCHEMA_FULL_NAME")
                .or(() -> with.string("VALUE_AVRO_SCHEMA_FULL_NAME"));
    try {
      return upperCased(RegisteredTypes.of(schema, message, registry));
    } catch (SerdeException unsupported) {
      throw new PlanningException(
          statement,
          "Cannot infer the columns of topic '" + topic + "': " + unsupported.getMessage());
    }
  }
}
