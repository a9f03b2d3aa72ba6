package dev.millrace.planner.logical;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with ksqlDB's limits: DECIMAL up to 38 digits of precision and scale
 * (Calcite's default stops at 19).
 */
public final class MillraceTypeSystem extends RelDataTypeSystemImpl {
  public static final MillraceTypeSystem INSTANCE = new MillraceTypeSystem();
  private static final int MAX_DECIMAL = 38;

  private MillraceTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
  }
}
