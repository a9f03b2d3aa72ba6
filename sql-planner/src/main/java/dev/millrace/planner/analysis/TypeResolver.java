package dev.millrace.planner.analysis;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.ArrayType;
import dev.millrace.parser.ast.CustomType;
import dev.millrace.parser.ast.DataType;
import dev.millrace.parser.ast.DecimalType;
import dev.millrace.parser.ast.MapType;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.PrimitiveType;
import dev.millrace.parser.ast.StructType;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.catalog.Catalog;

/** Turns a type as written (AST) into a {@link SqlType}, looking custom types up in the catalog. */
public final class TypeResolver {
  private static final int MAX_PRECISION = 38;
  private final Catalog catalog;

  public TypeResolver(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The SQL type; errors are reported at {@code where} (types carry no position of their own). */
  public SqlType resolve(DataType type, NodeLocation where) {
    if (type instanceof PrimitiveType p) {
      return primitive(p.kind());
    }
    if (type instanceof DecimalType d) {
      return decimal(d, where);
    }
    if (type instanceof ArrayType a) {
      return new SqlType.Array(resolve(a.element(), where));
    }
    if (type instanceof MapType m) {
      return new SqlType.Map(resolve(m.key(), where), resolve(m.value(), where));
    }
    if (type instanceof StructType s) {
      return new SqlType.Struct(
          s.fields().stream()
              .map(f -> new SqlType.Field(f.name(), resolve(f.type(), where)))
              .toList());
    }
    String name = ((CustomType) type).name();
    return catalog
        .type(name)
        .orElseThrow(
            () ->
                new PlanningException(
                    where,
                    "Unknown type: "
                        + name
                        + "."
                        + ClosestNames.hint(name, catalog.types().keySet())));
  }

  private static SqlType decimal(DecimalType d, NodeLocation where) {
    if (d.precision() < 1 || d.precision() > MAX_PRECISION) {
      throw new PlanningException(
          where,
          "DECIMAL precision must be between 1 and "
              + MAX_PRECISION
              + ": DECIMAL("
              + d.precision()
              + ", "
              + d.scale()
              + ")");
    }
    if (d.scale() < 0 || d.scale() > d.precision()) {
      throw new PlanningException(
          where,
          "DECIMAL scale must be between 0 and the precision: DECIMAL("
              + d.precision()
              + ", "
              + d.scale()
              + ")");
    }
    return new SqlType.Decimal(d.precision(), d.scale());
  }

  private static SqlType primitive(PrimitiveType.Kind kind) {
    return switch (kind) {
      case BOOLEAN -> SqlType.BOOLEAN;
      case INTEGER -> SqlType.INTEGER;
      case BIGINT -> SqlType.BIGINT;
      case DOUBLE -> SqlType.DOUBLE;
      case STRING -> SqlType.STRING;
      case BYTES -> SqlType.BYTES;
      case DATE -> SqlType.DATE;
      case TIME -> SqlType.TIME;
      case TIMESTAMP -> SqlType.TIMESTAMP;
    };
  }
}
