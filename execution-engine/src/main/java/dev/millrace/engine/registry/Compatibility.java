package dev.millrace.engine.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Confluent's default compatibility rule, BACKWARD: a reader with the new schema can read data
 * written with the latest one. Checked for Avro; other schema types are taken as compatible.
 */
final class Compatibility {
  private Compatibility() {}

  static boolean backward(RegisteredSchema next, RegisteredSchema latest) {
    if (!next.type().equals("AVRO") || !latest.type().equals("AVRO")) {
      return true;
    }
    Schema reader = new Schema.Parser().parse(next.text());
    Schema writer = new Schema.Parser().parse(latest.text());
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }
}
