package dev.millrace.planner.analysis;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlanningException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which formats exist, which are implemented, and which column types each can carry, with
 * ksqlDB's messages for what a format cannot hold.
 */
public final class FormatRules {
  /** Formats ksqlDB knows. */
  public static final Set<String> KNOWN = Set.of("KAFKA", "JSON", "DELIMITED", "NONE", "AVRO", "PROTOBUF",
      "PROTOBUF_NOSR", "JSON_SR");
  /** Formats Millrace reads and writes. */
  public static final Set<String> SUPPORTED = Set.of("KAFKA", "JSON", "DELIMITED", "NONE");

  private FormatRules() {}

  /** Checks the name of a format given in a WITH clause. */
  public static void checkName(String format, NodeLocation where) {
    if (!KNOWN.contains(format)) {
      throw new PlanningException(where, "Unknown format: " + format);
    }
    if (!SUPPORTED.contains(format)) {
      throw new PlanningException(where, "The '" + format + "' format is not supported yet; use KAFKA, JSON or "
          + "DELIMITED.");
    }
  }

  /** Checks that the format can carry the columns, as a key ({@code key}) or as a value. */
  public static void checkColumns(String format, List<Column> columns, boolean key, NodeLocation where) {
    if (key) {
      columns.stream().filter(c -> containsMap(c.type())).findFirst().ifPresent(c -> {
        throw new PlanningException(where, "Map keys, including types that contain maps, are not supported as they "
            + "may lead to unexpected behavior due to inconsistent serialization. Key column name: `" + c.name() + "`.");
      });
    }
    switch (format) {
      case "NONE" -> {
        if (!columns.isEmpty()) {
          throw new PlanningException(where, "The 'NONE' format can only be used when no columns are defined. Got: "
              + describe(columns));
        }
      }
      case "KAFKA" -> kafka(columns, where);
      case "DELIMITED" -> columns.forEach(c -> {
        if (isComplex(c.type())) {
          throw new PlanningException(where, "The 'DELIMITED' format does not support type '" + c.type().base()
              + "', column: `" + c.name() + "`");
        }
      });
      case "JSON" -> columns.forEach(c -> checkJsonMaps(c.type(), where));
      default -> { }
    }
  }

  private static void kafka(List<Column> columns, NodeLocation where) {
    if (columns.size() > 1) {
      throw new PlanningException(where, "The 'KAFKA' format only supports a single field. Got: " + describe(columns));
    }
    for (Column column : columns) {
      SqlType.Base base = column.type().base();
      if (base != SqlType.Base.INTEGER && base != SqlType.Base.BIGINT && base != SqlType.Base.DOUBLE
          && base != SqlType.Base.STRING && base != SqlType.Base.BYTES) {
        throw new PlanningException(where, "The 'KAFKA' format does not support type '" + base + "', column: `"
            + column.name() + "`");
      }
    }
  }

  private static void checkJsonMaps(SqlType type, NodeLocation where) {
    if (type instanceof SqlType.Map m) {
      if (m.key().base() != SqlType.Base.STRING) {
        throw new PlanningException(where, "JSON only supports MAP types with STRING keys");
      }
      checkJsonMaps(m.value(), where);
    } else if (type instanceof SqlType.Array a) {
      checkJsonMaps(a.element(), where);
    } else if (type instanceof SqlType.Struct s) {
      s.fields().forEach(f -> checkJsonMaps(f.type(), where));
    }
  }

  private static boolean containsMap(SqlType type) {
    if (type instanceof SqlType.Map) {
      return true;
    }
    if (type instanceof SqlType.Array a) {
      return containsMap(a.element());
    }
    return type instanceof SqlType.Struct s && s.fields().stream().anyMatch(f -> containsMap(f.type()));
  }

  private static boolean isComplex(SqlType type) {
    return type.base() == SqlType.Base.ARRAY || type.base() == SqlType.Base.MAP || type.base() == SqlType.Base.STRUCT;
  }

  private static String describe(List<Column> columns) {
    return columns.stream().map(Column::toSql).collect(Collectors.joining(", ", "[", "]"));
  }
}
