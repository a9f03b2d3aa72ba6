package dev.millrace.engine.serde;

import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.SqlType;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** The SQL type of the values a registered schema describes, for schema inference. */
public final class RegisteredTypes {
  private RegisteredTypes() {}

  /**
   * The SQL type of the schema's values (a STRUCT for a record or object schema).
   *
   * @throws SerdeException for a schema type Millrace cannot read or a schema it cannot map
   */
  public static SqlType of(RegisteredSchema schema) {
    return of(schema, Optional.empty());
  }

  /**
   * The SQL type of the schema's values; {@code message} picks a message of a protobuf schema that
   * defines several (by default its first).
   */
  public static SqlType of(RegisteredSchema schema, Optional<String> message) {
    return switch (schema.type()) {
      case "AVRO" -> AvroSchemas.sqlType(avro(schema.text()));
      case "JSON" -> JsonSchemas.sqlType(schema.text());
      case "PROTOBUF" -> ProtobufSchemas.sqlType(schema.text(), message);
      default ->
          throw new SerdeException("Schemas of type " + schema.type() + " are not supported yet");
    };
  }

  private static Schema avro(String text) {
    try {
      return new Schema.Parser().parse(text);
    } catch (AvroRuntimeException e) {
      throw new SerdeException("Invalid Avro schema: " + e.getMessage(), e);
    }
  }
}
