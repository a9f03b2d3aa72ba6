package dev.millrace.engine.serde;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Makes the serdes for a format (see {@link SerdeFormat}) and a list of columns. Registry formats
 * (AVRO, JSON_SR, PROTOBUF) find their schemas through a {@link RegistryBinding}; their format
 * options may name a registered schema by id ({@value #SCHEMA_ID}) and, for AVRO, the full name of
 * the generated record ({@value #FULL_SCHEMA_NAME}). Serdes are immutable and thread-safe; make
 * them once per query, not per record.
 */
public final class SerdeFactory {
  /** Format option: the id of the registered schema to write with. */
  public static final String SCHEMA_ID = "schemaId";

  /** Format option of PROTOBUF and PROTOBUF_NOSR: OPTIONAL or WRAPPER keep null primitives. */
  public static final String NULLABLE_REPRESENTATION = "nullableRepresentation";

  /** Format option: the full name of the Avro record Millrace generates. */
  public static final String FULL_SCHEMA_NAME = "fullSchemaName";

  private SerdeFactory() {}

  /** The serde for a record value of a format that needs no schema registry. */
  public static ValueSerde valueSerde(FormatInfo format, List<Column> columns) {
    return valueSerde(format, columns, RegistryBinding.NONE);
  }

  /**
   * The serde for a record value holding {@code columns}.
   *
   * @throws SerdeException when the format is unknown or cannot hold the columns
   */
  public static ValueSerde valueSerde(
      FormatInfo format, List<Column> columns, RegistryBinding registry) {
    return serde(format, columns, format.wrapped(), registry, false);
  }

  /**
   * As {@link #valueSerde(FormatInfo, List, RegistryBinding)}, for a reader that needs none of the
   * {@code skipped} columns: JSON skips them while decoding, without building their values, and
   * leaves them null; the other formats decode every column.
   */
  public static ValueSerde valueSerde(
      FormatInfo format, List<Column> columns, RegistryBinding registry, Set<String> skipped) {
    if (!skipped.isEmpty() && SerdeFormat.named(format.format()) == SerdeFormat.JSON) {
      return new JsonSerde(columns, format.wrapped(), skipped);
    }
    return valueSerde(format, columns, registry);
  }

  /** The serde for a record key of a format that needs no schema registry. */
  public static KeySerde keySerde(
      FormatInfo format, List<Column> columns, Optional<WindowInfo> window) {
    return keySerde(format, columns, window, RegistryBinding.NONE);
  }

  /**
   * The serde for a record key holding {@code columns}, windowed when {@code window} is present. A
   * single key column is written bare unless the format cannot (PROTOBUF); several are wrapped.
   */
  public static KeySerde keySerde(
      FormatInfo format,
      List<Column> columns,
      Optional<WindowInfo> window,
      RegistryBinding registry) {
    KeySerde key =
        new ColumnsKeySerde(
            keyColumnsSerde(format, columns, registry), columns.size(), wrapsKey(format, columns));
    return windowed(key, window);
  }

  /** {@code key} with a window after its bytes when {@code window} is present, else itself. */
  public static KeySerde windowed(KeySerde key, Optional<WindowInfo> window) {
    return window.isPresent() ? new WindowedKeySerde(key, window.get()) : key;
  }

  /**
   * The serde of a key's columns alone, as a producer writes them: unlike {@link #keySerde}, a bare
   * single null column is still written as the format writes a null (JSON's {@code null}).
   */
  public static ValueSerde keyColumnsSerde(
      FormatInfo format, List<Column> columns, RegistryBinding registry) {
    return serde(format, columns, wrapsKey(format, columns), registry, true);
  }

  /** Whether a key of these columns is written inside a record rather than as a bare value. */
  private static boolean wrapsKey(FormatInfo format, List<Column> columns) {
    return columns.size() > 1 || SerdeFormat.named(format.format()).wrapsSingleKey();
  }

  /**
   * The schema a query writing values of {@code columns} registers under its topic's value subject:
   * present for the registry formats, unless the format names a registered schema by id.
   */
  public static Optional<RegisteredSchema> valueSchema(FormatInfo format, List<Column> columns) {
    return schema(format, columns, format.wrapped());
  }

  /** As {@link #valueSchema}, for the key subject and a key of {@code columns}. */
  public static Optional<RegisteredSchema> keySchema(FormatInfo format, List<Column> columns) {
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    return schema(format, columns, wrapsKey(format, columns));
  }

  private static Optional<RegisteredSchema> schema(
      FormatInfo format, List<Column> columns, boolean wrapped) {
    if (format.options().containsKey(SCHEMA_ID)) {
      return Optional.empty();
    }
    return switch (SerdeFormat.named(format.format())) {
      case AVRO ->
          Optional.of(
              RegisteredSchema.avro(
                  AvroSchemas.of(columns, wrapped, fullSchemaName(format)).toString()));
      case JSON_SR -> Optional.of(RegisteredSchema.json(JsonSchemas.of(columns, wrapped)));
      case PROTOBUF -> Optional.of(RegisteredSchema.protobuf(ProtobufSchemas.of(columns)));
      case JSON, KAFKA, DELIMITED, NONE, PROTOBUF_NOSR -> Optional.empty();
    };
  }

  private static String fullSchemaName(FormatInfo format) {
    return format.options().getOrDefault(FULL_SCHEMA_NAME, AvroSchemas.DEFAULT_NAME);
  }

  private static ValueSerde serde(
      FormatInfo format,
      List<Column> columns,
      boolean wrapped,
      RegistryBinding registry,
      boolean key) {
    return switch (SerdeFormat.named(format.format())) {
      case JSON -> new JsonSerde(columns, wrapped);
      case KAFKA -> new KafkaSerde(columns);
      case DELIMITED -> new DelimitedSerde(columns, format.options());
      case NONE -> none(columns);
      case PROTOBUF_NOSR -> new ProtobufSerde(columns, format.options());
      case AVRO ->
          new AvroSerde(columns, wrapped, registry, key, schemaId(format), fullSchemaName(format));
      case JSON_SR -> new JsonSchemaSerde(columns, wrapped, registry, key, schemaId(format));
      case PROTOBUF ->
          new ProtobufRegistrySerde(columns, format.options(), registry, key, schemaId(format));
    };
  }

  private static OptionalInt schemaId(FormatInfo format) {
    String id = format.options().get(SCHEMA_ID);
    return id == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(id));
  }

  private static ValueSerde none(List<Column> columns) {
    if (!columns.isEmpty()) {
      throw new SerdeException(
          "The NONE format cannot hold columns, but was given " + columns.size());
    }
    return new NoneSerde();
  }
}
