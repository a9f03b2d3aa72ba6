package dev.millrace.planner.analysis;

import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlanningException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The WITH properties of registry and protobuf formats, as format options: KEY_SCHEMA_ID /
 * VALUE_SCHEMA_ID (write with that registered schema), KEY_SCHEMA_FULL_NAME /
 * VALUE_SCHEMA_FULL_NAME / VALUE_AVRO_SCHEMA_FULL_NAME (the name of the generated Avro record) and
 * KEY_/VALUE_PROTOBUF_NULLABLE_REPRESENTATION (how protobuf keeps null primitives).
 */
public final class FormatOptions {
  private FormatOptions() {}

  /** The schema id the WITH clause gives the key ({@code key}) or value. */
  public static OptionalInt schemaId(WithClause with, boolean key) {
    return with.integer(key ? "KEY_SCHEMA_ID" : "VALUE_SCHEMA_ID");
  }

  static Map<String, String> of(
      WithClause with, String format, boolean key, NodeLocation statement) {
    Map<String, String> options = new TreeMap<>();
    String idProperty = key ? "KEY_SCHEMA_ID" : "VALUE_SCHEMA_ID";
    OptionalInt id = schemaId(with, key);
    if (id.isPresent()) {
      requireRegistry(format, idProperty, with.location(idProperty, statement));
      options.put(SerdeFactory.SCHEMA_ID, String.valueOf(id.getAsInt()));
    }
    Optional<String> nameProperty =
        key
            ? Optional.of("KEY_SCHEMA_FULL_NAME").filter(with::has)
            : Optional.of("VALUE_SCHEMA_FULL_NAME")
                .filter(with::has)
                .or(() -> Optional.of("VALUE_AVRO_SCHEMA_FULL_NAME").filter(with::has));
    if (nameProperty.isPresent()) {
      NodeLocation where = with.location(nameProperty.get(), statement);
      requireRegistry(format, nameProperty.get(), where);
      String name = with.string(nameProperty.get()).orElse("");
      if (name.isBlank()) {
        throw new PlanningException(where, "Schema full name cannot be empty");
      }
      options.put(SerdeFactory.FULL_SCHEMA_NAME, name);
    }
    String nullsProperty =
        key ? "KEY_PROTOBUF_NULLABLE_REPRESENTATION" : "VALUE_PROTOBUF_NULLABLE_REPRESENTATION";
    Optional<String> nulls = with.upper(nullsProperty);
    if (nulls.isPresent()) {
      NodeLocation where = with.location(nullsProperty, statement);
      if (!format.startsWith("PROTOBUF")) {
        throw new PlanningException(
            where, format + " does not support the following configs: [" + nullsProperty + "]");
      }
      if (!nulls.get().equals("OPTIONAL") && !nulls.get().equals("WRAPPER")) {
        throw new PlanningException(
            where,
            "Invalid " + nullsProperty + ": '" + nulls.get() + "'. Use OPTIONAL or WRAPPER.");
      }
      options.put(SerdeFactory.NULLABLE_REPRESENTATION, nulls.get());
    }
    return options;
  }

  private static void requireRegistry(String format, String property, NodeLocation where) {
    if (!SerdeFormat.named(format).usesRegistry()) {
      throw new PlanningException(
          where, format + " does not support the following configs: [" + property + "]");
    }
  }
}
