package dev.millrace.planner.logical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CalciteTypesTest {
  private final CalciteTypes types =
      new CalciteTypes(new JavaTypeFactoryImpl(MillraceTypeSystem.INSTANCE));

  static List<SqlType> allTypes() {
    return List.of(
        SqlType.BOOLEAN,
        SqlType.INTEGER,
        SqlType.BIGINT,
        SqlType.DOUBLE,
        SqlType.STRING,
        SqlType.BYTES,
        SqlType.DATE,
        SqlType.TIME,
        SqlType.TIMESTAMP,
        new SqlType.Decimal(38, 10),
        new SqlType.Decimal(4, 2),
        new SqlType.Array(SqlType.STRING),
        new SqlType.Map(SqlType.STRING, new SqlType.Array(SqlType.INTEGER)),
        new SqlType.Struct(
            List.of(
                new SqlType.Field("A", SqlType.INTEGER),
                new SqlType.Field(
                    "lower",
                    new SqlType.Struct(List.of(new SqlType.Field("X", SqlType.DOUBLE)))))));
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void roundTrips(SqlType type) {
    RelDataType rel = types.toRel(type);
    assertTrue(rel.isNullable(), "every SQL value may be null");
    assertEquals(type, types.toSql(rel));
  }

  @Test
  void keepsDecimalPrecisionAndScaleUpTo38() {
    RelDataType rel = types.toRel(new SqlType.Decimal(38, 38));
    assertEquals(SqlTypeName.DECIMAL, rel.getSqlTypeName());
    assertEquals(38, rel.getPrecision());
    assertEquals(38, rel.getScale());
  }
}
