package dev.millrace.planner;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.serde.AvroSchemas;
import dev.millrace.engine.serde.RegisteredTypes;
import dev.millrace.engine.serde.SerdeException;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.NodeLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks that a query's result can be written with the registered schema its WITH clause names
 * (KEY_SCHEMA_ID / VALUE_SCHEMA_ID), or the message of it that KEY_ / VALUE_SCHEMA_FULL_NAME names:
 * the result's columns must be the schema's first fields, in order, with the same types; the schema
 * may have more fields after them, written as their defaults (or null): an Avro field with neither
 * could not be written, so it refuses the statement. Names match ignoring case.
 */
final class RegisteredSchemaCheck {
  private RegisteredSchemaCheck() {}

  static void check(
      FormatInfo format,
      List<Column> columns,
      boolean key,
      SchemaRegistry registry,
      NodeLocation where) {
    String id = format.options().get(SerdeFactory.SCHEMA_ID);
    if (id == null) {
      return;
    }
    RegisteredSchema schema = registered(registry, Integer.parseInt(id), where);
    // A format that writes even a single key column inside a record (PROTOBUF) has it as a field.
    boolean wrapped =
        format.wrapped() || key && SerdeFormat.named(format.format()).wrapsSingleKey();
    List<Column> fields = fields(schema, columns, format, wrapped, registry, where);
    List<Column> changed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (i >= fields.size() || !same(columns.get(i), fields.get(i))) {
        changed.add(columns.get(i));
      }
    }
    if (!changed.isEmpty()) {
      throw new PlanningException(
          where,
          "The following "
              + (key ? "key" : "value")
              + " columns are changed, missing "
              + "or reordered: "
              + describe(changed)
              + ". Schema from schema registry is "
              + describe(fields));
    }
    List<String> unfillable =
        schema.type().equals("AVRO")
            ? AvroSchemas.unfillableFields(schema.text(), columns)
            : List.of();
    if (!unfillable.isEmpty()) {
      throw new PlanningException(
          where,
          "Cannot write "
              + (key ? "keys" : "values")
              + " with schema id "
              + id
              + ": its fields "
              + unfillable
              + " have no default and cannot be null, and no column fills them.");
    }
  }

  private static RegisteredSchema registered(SchemaRegistry registry, int id, NodeLocation where) {
    try {
      return registry
          .byId(id)
          .orElseThrow(
              () ->
                  new PlanningException(
                      where, "Schema id " + id + " does not exist in the schema registry."));
    } catch (SchemaRegistryException failed) {
      throw new PlanningException(
          where, "Cannot read schema id " + id + ": " + failed.getMessage());
    }
  }

  /**
   * The columns the schema holds: its fields, or one bare value when the single column is
   * unwrapped.
   */
  private static List<Column> fields(
      RegisteredSchema schema,
      List<Column> columns,
      FormatInfo format,
      boolean wrapped,
      SchemaRegistry registry,
      NodeLocation where) {
    SqlType type;
    try {
      type =
          RegisteredTypes.of(
              schema,
              Optional.ofNullable(format.options().get(SerdeFactory.FULL_SCHEMA_NAME)),
              registry);
    } catch (SerdeException unsupported) {
      throw new PlanningException(where, unsupported.getMessage());
    }
    if (type instanceof SqlType.Struct struct && (wrapped || columns.size() != 1)) {
      return struct.fields().stream().map(f -> new Column(f.name(), f.type())).toList();
    }
    return List.of(new Column(columns.isEmpty() ? "ROWVAL" : columns.get(0).name(), type));
  }

  private static boolean same(Column column, Column field) {
    return column.name().equalsIgnoreCase(field.name())
        && loose(column.type()).equals(loose(field.type()));
  }

  /** The type's text with names upper-cased, so struct field names match ignoring case. */
  private static String loose(SqlType type) {
    return type.toSql().toUpperCase(Locale.ROOT);
  }

  private static String describe(List<Column> columns) {
    return columns.stream().map(Column::toSql).collect(Collectors.joining(", ", "[", "]"));
  }
}
