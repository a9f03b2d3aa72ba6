package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReferences;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistryException;
import dev.millrace.engine.types.SqlType;
import java.util.Collection;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** The SQL type of the values a registered schema describes, for schema inference. */
public final class RegisteredTypes {
  private RegisteredTypes() {}

  /**
   * The SQL type of the schema's values (a STRUCT for a record, object or message schema).
   *
   * @throws SerdeException for a schema type Millrace cannot read or a schema it cannot map
   */
  public static SqlType of(RegisteredSchema schema, SchemaRegistry registry) {
    return of(schema, Optional.empty(), registry);
  }

  /**
   * The SQL type of the schema's values; {@code message} picks a message of a protobuf schema that
   * defines several (by default its first). The protobuf schemas it imports are read from {@code
   * registry} through its references.
   *
   * @throws SerdeException for a schema type Millrace cannot read, a schema it cannot map, or a
   *     reference the registry cannot resolve
   */
  public static SqlType of(
      RegisteredSchema schema, Optional<String> message, SchemaRegistry registry) {
    return switch (schema.type()) {
      case "AVRO" -> AvroSchemas.sqlType(avro(schema.text()));
      case "JSON" -> JsonSchemas.sqlType(schema.text());
      case "PROTOBUF" -> ProtobufSchemas.sqlType(schema.text(), imports(schema, registry), message);
      default ->
          throw new SerdeException("Schemas of type " + schema.type() + " are not supported yet");
    };
  }

  /** The texts of the files a protobuf schema imports. */
  private static Collection<String> imports(RegisteredSchema schema, SchemaRegistry registry) {
    try {
      return SchemaReferences.resolve(registry, schema).values().stream()
          .map(RegisteredSchema::text)
          .toList();
    } catch (SchemaRegistryException unresolved) {
      throw new SerdeException(unresolved.getMessage(), unresolved);
    }
  }

  private static Schema avro(String text) {
    try {
      return new Schema.Parser().parse(text);
    } catch (AvroRuntimeException e) {
      throw new SerdeException("Invalid Avro schema: " + e.getMessage(), e);
    }
  }
}
