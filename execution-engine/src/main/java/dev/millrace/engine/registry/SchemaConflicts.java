package dev.millrace.engine.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Why a schema cannot follow a subject's latest version, in words that name the fields, for the
 * error of a statement whose sink schema the registry refused. Registries say little (Confluent a
 * list of rule names, Apicurio a JSON pointer), so the two Avro schemas are compared here.
 */
public final class SchemaConflicts {
  private SchemaConflicts() {}

  /**
   * The conflicts of {@code next} with {@code latest}: first as BACKWARD compatibility sees them
   * (readers of {@code next} reading data written with {@code latest}), else as FORWARD does. Empty
   * when either schema is not Avro, or Avro finds no conflict.
   */
  public static List<String> between(RegisteredSchema next, RegisteredSchema latest) {
    if (!next.type().equals("AVRO") || !latest.type().equals("AVRO")) {
      return List.of();
    }
    Schema nextSchema = new Schema.Parser().parse(next.text());
    Schema latestSchema = new Schema.Parser().parse(latest.text());
    List<String> backward = describe(nextSchema, latestSchema, true);
    return backward.isEmpty() ? describe(latestSchema, nextSchema, false) : backward;
  }

  private static List<String> describe(Schema reader, Schema writer, boolean readerIsNext) {
    List<String> conflicts = new ArrayList<>();
    for (Incompatibility conflict :
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities()) {
      conflicts.add(describe(conflict, reader, readerIsNext));
    }
    return conflicts;
  }

  private static String describe(Incompatibility conflict, Schema reader, boolean readerIsNext) {
    String field = fieldPath(reader, conflict.getLocation());
    String next = readerIsNext ? "the new schema" : "the latest version";
    String other = readerIsNext ? "the latest version" : "the new schema";
    return switch (conflict.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE ->
          "field " + field + " is in " + next + " without a default value, but not in " + other;
      case TYPE_MISMATCH ->
          "field "
              + field
              + " is "
              + conflict.getReaderFragment().getType()
              + " in "
              + next
              + " but "
              + conflict.getWriterFragment().getType()
              + " in "
              + other;
      default ->
          "field "
              + field
              + ": "
              + conflict.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + " ("
              + conflict.getMessage()
              + ")";
    };
  }

  /**
   * The dotted field names along Avro's location of a conflict ({@code /fields/1/type/fields/0}),
   * or the location itself when it cannot be followed.
   */
  static String fieldPath(Schema schema, String location) {
    List<String> names = new ArrayList<>();
    Schema at = schema;
    String[] steps = location.split("/");
    try {
      for (int i = 0; i < steps.length; i++) {
        switch (steps[i]) {
          case "fields" -> {
            Schema.Field field = at.getFields().get(Integer.parseInt(steps[++i]));
            names.add(field.name());
            at = field.schema();
          }
          case "items" -> at = at.getElementType();
          case "values" -> at = at.getValueType();
          default -> {
            if (!steps[i].isEmpty() && Character.isDigit(steps[i].charAt(0))) {
              at = at.getTypes().get(Integer.parseInt(steps[i]));
            }
          }
        }
      }
    } catch (RuntimeException unexpected) {
      return location;
    }
    return names.isEmpty() ? location : String.join(".", names);
  }
}
