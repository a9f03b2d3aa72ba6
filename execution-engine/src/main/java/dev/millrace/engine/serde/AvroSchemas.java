package dev.millrace.engine.serde;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * SQL types as Avro schemas and back, the way ksqlDB maps them: every column and element is
 * optional (a union with null, default null), DECIMAL is bytes with the decimal logical type, DATE,
 * TIME and TIMESTAMP use Avro's date, time-millis and timestamp-millis, a STRUCT is a record named
 * after its parent and field ({@code KsqlDataSourceSchema_ADDRESS}), a MAP an Avro map (string keys
 * only). Reading accepts more than writing produces: enums read as STRING, floats as DOUBLE, fixed
 * as BYTES, and a union of null and one type as that type.
 */
public final class AvroSchemas {
  /** The record name ksqlDB gives a value schema when none is chosen. */
  public static final String DEFAULT_NAME = "io.confluent.ksql.avro_schemas.KsqlDataSourceSchema";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private AvroSchemas() {}

  /** Whether a column or field name can name an Avro record field. */
  static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * The schema of a record holding {@code columns}, or of the single column's bare value when
   * {@code wrapped} is false.
   */
  public static Schema of(List<Column> columns, boolean wrapped, String fullName) {
    if (!wrapped && columns.size() == 1) {
      return optional(type(columns.get(0).type(), fullName));
    }
    List<Schema.Field> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(optionalField(column.name(), type(column.type(), fullName + "_" + column.name())));
    }
    return Schema.createRecord(simpleName(fullName), null, namespace(fullName), false, fields);
  }

  /** The SQL type of values written with this schema. */
  public static SqlType sqlType(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    return switch (schema.getType()) {
      case BOOLEAN -> SqlType.BOOLEAN;
      case INT ->
          logical instanceof LogicalTypes.Date
              ? SqlType.DATE
              : logical instanceof LogicalTypes.TimeMillis ? SqlType.TIME : SqlType.INTEGER;
      case LONG ->
          logical instanceof LogicalTypes.TimestampMillis
              ? SqlType.TIMESTAMP
              : logical instanceof LogicalTypes.TimeMicros ? SqlType.TIME : SqlType.BIGINT;
      case FLOAT, DOUBLE -> SqlType.DOUBLE;
      case STRING, ENUM -> SqlType.STRING;
      case BYTES, FIXED ->
          logical instanceof LogicalTypes.Decimal d
              ? new SqlType.Decimal(d.getPrecision(), d.getScale())
              : SqlType.BYTES;
      case ARRAY -> new SqlType.Array(sqlType(schema.getElementType()));
      case MAP -> new SqlType.Map(SqlType.STRING, sqlType(schema.getValueType()));
      case RECORD ->
          new SqlType.Struct(
              schema.getFields().stream()
                  .map(f -> new SqlType.Field(f.name(), sqlType(f.schema())))
                  .toList());
      case UNION -> sqlType(nonNull(schema));
      case NULL -> throw new SerdeException("Avro schema of type null cannot be a column");
    };
  }

  /** The columns a record schema describes: one per field. */
  public static List<Column> columns(Schema record) {
    return record.getFields().stream().map(f -> new Column(f.name(), sqlType(f.schema()))).toList();
  }

  /**
   * The fields of a registered record schema that a writer of {@code columns} cannot fill: no
   * column has their name (exactly, else ignoring case, as writing matches them), they cannot be
   * null, and they have no default. Empty when the schema is not a record.
   */
  public static List<String> unfillableFields(String schemaText, List<Column> columns) {
    Schema record = nonNull(new Schema.Parser().parse(schemaText));
    if (record.getType() != Schema.Type.RECORD) {
      return List.of();
    }
    List<Schema.Field> filled =
        columns.stream().map(c -> AvroValues.field(record, c.name())).toList();
    return record.getFields().stream()
        .filter(field -> !filled.contains(field))
        .filter(field -> !field.hasDefaultValue() && !nullable(field.schema()))
        .map(Schema.Field::name)
        .toList();
  }

  private static boolean nullable(Schema schema) {
    return schema.getType() == Schema.Type.NULL
        || schema.getType() == Schema.Type.UNION
            && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
  }

  /** The one non-null branch of a union of null and a type (or the schema itself if no union). */
  static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> types =
        schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    if (types.size() != 1) {
      throw new SerdeException(
          "Avro unions other than of null and one type are not supported: " + schema);
    }
    return types.get(0);
  }

  private static Schema type(SqlType type, String name) {
    return switch (type.base()) {
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case INTEGER -> Schema.create(Schema.Type.INT);
      case BIGINT -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case STRING -> Schema.create(Schema.Type.STRING);
      case BYTES -> Schema.create(Schema.Type.BYTES);
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME -> LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case DECIMAL -> {
        SqlType.Decimal d = (SqlType.Decimal) type;
        yield LogicalTypes.decimal(d.precision(), d.scale())
            .addToSchema(Schema.create(Schema.Type.BYTES));
      }
      case ARRAY -> Schema.createArray(optional(type(((SqlType.Array) type).element(), name)));
      case MAP -> Schema.createMap(optional(type(((SqlType.Map) type).value(), name)));
      case STRUCT -> {
        List<Schema.Field> fields = new ArrayList<>();
        for (SqlType.Field field : ((SqlType.Struct) type).fields()) {
          fields.add(optionalField(field.name(), type(field.type(), name + "_" + field.name())));
        }
        yield Schema.createRecord(simpleName(name), null, namespace(name), false, fields);
      }
    };
  }

  private static Schema.Field optionalField(String name, Schema type) {
    if (!isValidName(name)) {
      throw new SerdeException(
          "Schema is not compatible with Avro: `" + name + "` is not a valid Avro field name");
    }
    return new Schema.Field(name, optional(type), null, Schema.Field.NULL_DEFAULT_VALUE);
  }

  private static Schema optional(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  private static String simpleName(String fullName) {
    return fullName.substring(fullName.lastIndexOf('.') + 1);
  }

  private static String namespace(String fullName) {
    int dot = fullName.lastIndexOf('.');
    return dot < 0 ? null : fullName.substring(0, dot);
  }
}
