package dev.millrace.engine.serde;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every record format ksqlDB knows (Millrace reads and writes them all) and what each can do: the
 * one place the planner (which formats a WITH clause may name, which columns they can carry,
 * whether a single value may be unwrapped, whether columns can be read from a registry) and the
 * serdes agree on. The messages are ksqlDB's, so that a user sees the same refusal on both engines.
 */
public enum SerdeFormat {
  KAFKA(Wrapping.NEVER, false),
  JSON(Wrapping.OPTIONAL, false),
  DELIMITED(Wrapping.NEVER, false),
  NONE(Wrapping.NEVER, false),
  AVRO(Wrapping.OPTIONAL, true),
  JSON_SR(Wrapping.OPTIONAL, true),
  PROTOBUF(Wrapping.ALWAYS, true),
  PROTOBUF_NOSR(Wrapping.ALWAYS, false);

  /** How a single column is written: bare, in a record, or as WRAP_SINGLE_VALUE says. */
  public enum Wrapping {
    NEVER,
    ALWAYS,
    OPTIONAL
  }

  private final Wrapping wrapping;
  private final boolean registry;

  SerdeFormat(Wrapping wrapping, boolean registry) {
    this.wrapping = wrapping;
    this.registry = registry;
  }

  /** The format of this name (any case), if ksqlDB knows it. */
  public static Optional<SerdeFormat> of(String name) {
    for (SerdeFormat format : values()) {
      if (format.name().equals(name.toUpperCase(Locale.ROOT))) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The format of this name, which must be known. */
  public static SerdeFormat named(String name) {
    return of(name).orElseThrow(() -> new SerdeException("Unknown format: " + name));
  }

  public Wrapping wrapping() {
    return wrapping;
  }

  /**
   * Whether records carry a schema id and schemas live in a schema registry; such formats can also
   * give a source its columns (schema inference).
   */
  public boolean usesRegistry() {
    return registry;
  }

  /**
   * Whether a single key column is written inside a record: only when the format cannot write a
   * bare value (a key has no WRAP_SINGLE_VALUE of its own).
   */
  public boolean wrapsSingleKey() {
    return wrapping == Wrapping.ALWAYS;
  }

  /**
   * Why the format cannot carry these columns as a key ({@code key}) or as a value, or empty when
   * it can.
   */
  public Optional<String> unsupported(List<Column> columns, boolean key) {
    if (key) {
      Optional<Column> withMap = columns.stream().filter(c -> containsMap(c.type())).findFirst();
      if (withMap.isPresent()) {
        return Optional.of(
            "Map keys, including types that contain maps, are not supported as they may lead to "
                + "unexpected behavior due to inconsistent serialization. Key column name: `"
                + withMap.get().name()
                + "`.");
      }
    }
    return switch (this) {
      case NONE ->
          columns.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  "The 'NONE' format can only be used when no columns are defined. Got: "
                      + describe(columns));
      case KAFKA -> kafka(columns);
      case DELIMITED ->
          columns.stream()
              .filter(c -> isComplex(c.type()))
              .findFirst()
              .map(
                  c ->
                      "The 'DELIMITED' format does not support type '"
                          + c.type().base()
                          + "', column: `"
                          + c.name()
                          + "`");
      case JSON, JSON_SR ->
          stringKeyedMaps(columns, "JSON only supports MAP types with STRING keys");
      case AVRO ->
          stringKeyedMaps(columns, "Avro only supports MAPs with STRING keys")
              .or(() -> avroNames(columns));
      case PROTOBUF ->
          stringKeyedMaps(columns, "PROTOBUF format only supports MAP types with STRING keys");
      case PROTOBUF_NOSR -> Optional.empty();
    };
  }

  private static Optional<String> kafka(List<Column> columns) {
    if (columns.size() > 1) {
      return Optional.of(
          "The 'KAFKA' format only supports a single field. Got: " + describe(columns));
    }
    for (Column column : columns) {
      SqlType.Base base = column.type().base();
      if (base != SqlType.Base.INTEGER
          && base != SqlType.Base.BIGINT
          && base != SqlType.Base.DOUBLE
          && base != SqlType.Base.STRING
          && base != SqlType.Base.BYTES) {
        return Optional.of(
            "The 'KAFKA' format does not support type '"
                + base
                + "', column: `"
                + column.name()
                + "`");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> stringKeyedMaps(List<Column> columns, String message) {
    return columns.stream().anyMatch(c -> hasNonStringMapKey(c.type()))
        ? Optional.of(message)
        : Optional.empty();
  }

  private static Optional<String> avroNames(List<Column> columns) {
    return columns.stream()
        .map(Column::name)
        .filter(n -> !AvroSchemas.isValidName(n))
        .findFirst()
        .map(
            n ->
                "Schema is not compatible with Avro: column name `"
                    + n
                    + "` is not a valid Avro name (letters, "
                    + "digits and underscores, not starting with a digit)");
  }

  private static boolean hasNonStringMapKey(SqlType type) {
    if (type instanceof SqlType.Map m) {
      return m.key().base() != SqlType.Base.STRING || hasNonStringMapKey(m.value());
    }
    if (type instanceof SqlType.Array a) {
      return hasNonStringMapKey(a.element());
    }
    return type instanceof SqlType.Struct s
        && s.fields().stream().anyMatch(f -> hasNonStringMapKey(f.type()));
  }

  private static boolean containsMap(SqlType type) {
    if (type instanceof SqlType.Map) {
      return true;
    }
    if (type instanceof SqlType.Array a) {
      return containsMap(a.element());
    }
    return type instanceof SqlType.Struct s
        && s.fields().stream().anyMatch(f -> containsMap(f.type()));
  }

  private static boolean isComplex(SqlType type) {
    return type.base() == SqlType.Base.ARRAY
        || type.base() == SqlType.Base.MAP
        || type.base() == SqlType.Base.STRUCT;
  }

  private static String describe(List<Column> columns) {
    return columns.stream().map(Column::toSql).collect(Collectors.joining(", ", "[", "]"));
  }
}
