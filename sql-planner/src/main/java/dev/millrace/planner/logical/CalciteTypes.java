package dev.millrace.planner.logical;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps our {@link SqlType}s to Calcite {@link RelDataType}s and back. Every SQL value may be null,
 * so every mapped type is nullable. STRING is an unbounded VARCHAR, BYTES an unbounded VARBINARY,
 * TIMESTAMP has millisecond precision, STRUCT is a named record type.
 */
public final class CalciteTypes {
  private final RelDataTypeFactory factory;

  public CalciteTypes(RelDataTypeFactory factory) {
    this.factory = factory;
  }

  /** The Calcite type of a SQL type. */
  public RelDataType toRel(SqlType type) {
    return factory.createTypeWithNullability(notNull(type), true);
  }

  /** A row type with one field per column, in order. */
  public RelDataType toRow(List<Column> columns) {
    RelDataTypeFactory.Builder builder = factory.builder();
    columns.forEach(c -> builder.add(c.name(), toRel(c.type())));
    return builder.build();
  }

  /** The columns of a row type. */
  public List<Column> toColumns(RelDataType row) {
    List<Column> columns = new ArrayList<>();
    row.getFieldList().forEach(f -> columns.add(new Column(f.getName(), toSql(f.getType()))));
    return columns;
  }

  private RelDataType notNull(SqlType type) {
    if (type instanceof SqlType.Decimal d) {
      return factory.createSqlType(SqlTypeName.DECIMAL, d.precision(), d.scale());
    }
    if (type instanceof SqlType.Array a) {
      return factory.createArrayType(toRel(a.element()), -1);
    }
    if (type instanceof SqlType.Map m) {
      return factory.createMapType(toRel(m.key()), toRel(m.value()));
    }
    if (type instanceof SqlType.Struct s) {
      return factory.createStructType(
          StructKind.PEEK_FIELDS_NO_EXPAND,
          s.fields().stream().map(f -> toRel(f.type())).toList(),
          s.fields().stream().map(SqlType.Field::name).toList());
    }
    return primitive(type.base());
  }

  private RelDataType primitive(SqlType.Base base) {
    return switch (base) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case STRING ->
          factory.createSqlType(SqlTypeName.VARCHAR, RelDataType.PRECISION_NOT_SPECIFIED);
      case BYTES ->
          factory.createSqlType(SqlTypeName.VARBINARY, RelDataType.PRECISION_NOT_SPECIFIED);
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIME -> factory.createSqlType(SqlTypeName.TIME, 3);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
      case DECIMAL, ARRAY, MAP, STRUCT ->
          throw new IllegalArgumentException(base + " takes parameters");
    };
  }

  /** The SQL type of a Calcite type; throws for Calcite types with no SQL counterpart. */
  public SqlType toSql(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case BOOLEAN -> SqlType.BOOLEAN;
      case TINYINT, SMALLINT, INTEGER -> SqlType.INTEGER;
      case BIGINT -> SqlType.BIGINT;
      case FLOAT, REAL, DOUBLE -> SqlType.DOUBLE;
      case DECIMAL -> new SqlType.Decimal(type.getPrecision(), Math.max(0, type.getScale()));
      case CHAR, VARCHAR -> SqlType.STRING;
      case BINARY, VARBINARY -> SqlType.BYTES;
      case DATE -> SqlType.DATE;
      case TIME -> SqlType.TIME;
      case TIMESTAMP -> SqlType.TIMESTAMP;
      case ARRAY -> new SqlType.Array(toSql(type.getComponentType()));
      case MAP -> new SqlType.Map(toSql(type.getKeyType()), toSql(type.getValueType()));
      case ROW -> new SqlType.Struct(type.getFieldList().stream().map(this::field).toList());
      default ->
          throw new IllegalArgumentException(
              "no SQL type for Calcite type " + type.getFullTypeString());
    };
  }

  private SqlType.Field field(RelDataTypeField field) {
    return new SqlType.Field(field.getName(), toSql(field.getType()));
  }
}
