package dev.millrace.parser.format;

import dev.millrace.parser.ast.ArrayType;
import dev.millrace.parser.ast.CustomType;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.DecimalType;
import dev.millrace.parser.ast.MapType;
import dev.millrace.parser.ast.PrimitiveType;
import dev.millrace.parser.ast.StructType;
import java.util.Set;
import java.util.stream.Collectors;

/** Formats {@link DataType}s with ksqlDB's canonical names (INTEGER, STRING, ...). */
final class TypeFormatter {

  /** Names that would read back as a primitive type, so a custom type so named is quoted. */
  private static final Set<String> PRIMITIVE_SPELLINGS =
      Set.of(
          "BOOLEAN",
          "INT",
          "INTEGER",
          "BIGINT",
          "DOUBLE",
          "STRING",
          "VARCHAR",
          "BYTES",
          "DATE",
          "TIME",
          "TIMESTAMP");

  private TypeFormatter() {}

  static String format(DataType type) {
    if (type instanceof PrimitiveType primitive) {
      return primitive.kind().name();
    }
    if (type instanceof DecimalType decimal) {
      return "DECIMAL(" + decimal.precision() + ", " + decimal.scale() + ")";
    }
    if (type instanceof ArrayType array) {
      return "ARRAY<" + format(array.element()) + ">";
    }
    if (type instanceof MapType map) {
      return "MAP<" + format(map.key()) + ", " + format(map.value()) + ">";
    }
    if (type instanceof StructType struct) {
      return struct.fields().stream()
          .map(f -> SqlFormatter.identifier(f.name()) + " " + format(f.type()))
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }
    String name = ((CustomType) type).name();
    return PRIMITIVE_SPELLINGS.contains(name)
        ? SqlFormatter.quoted(name)
        : SqlFormatter.identifier(name);
  }
}
