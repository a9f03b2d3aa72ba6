package dev.millrace.engine.serde;

import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Engine values (see {@link SqlType} for their Java classes) as Avro generic data and back. Both
 * directions follow the SQL type and the Avro schema together, so a value can be written with a
 * registered schema that is not the one Millrace would generate (fields matched by name, ignoring
 * case) and read from any writer schema whose types fit the column's.
 */
final class AvroValues {
  private AvroValues() {}

  /** The Avro datum for an engine value of {@code type}, shaped by {@code schema}. */
  static Object toAvro(Object value, SqlType type, Schema schema) {
    if (value == null) {
      if (schema.getType() != Schema.Type.UNION && schema.getType() != Schema.Type.NULL) {
        throw new SerdeException(
            "null value for a non-optional Avro field of type " + schema.getType());
      }
      return null;
    }
    Schema actual = AvroSchemas.nonNull(schema);
    return switch (actual.getType()) {
      case BOOLEAN, STRING, DOUBLE ->
          type.base() == SqlType.Base.STRING || actual.getType() != Schema.Type.STRING
              ? value
              : value.toString();
      case INT -> ((Number) value).intValue();
      case LONG -> ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
      case ENUM -> new GenericData.EnumSymbol(actual, value.toString());
      case BYTES ->
          type instanceof SqlType.Decimal ? decimalBytes((BigDecimal) value, actual) : value;
      case FIXED ->
          new GenericData.Fixed(
              actual,
              type instanceof SqlType.Decimal
                  ? bytes(decimalBytes((BigDecimal) value, actual))
                  : bytes((ByteBuffer) value));
      case ARRAY -> array((List<?>) value, ((SqlType.Array) type).element(), actual);
      case MAP -> map((Map<?, ?>) value, ((SqlType.Map) type).value(), actual.getValueType());
      case RECORD -> record((Struct) value, actual);
      case UNION, NULL ->
          throw new SerdeException("cannot write a value with Avro schema " + actual);
    };
  }

  /** The engine value of {@code type} for an Avro datum written with {@code schema}. */
  static Object fromAvro(Object datum, Schema schema, SqlType type) {
    if (datum == null) {
      return null;
    }
    Schema actual = AvroSchemas.nonNull(schema);
    return switch (type.base()) {
      case BOOLEAN -> (Boolean) datum;
      case INTEGER, DATE -> ((Number) datum).intValue();
      case BIGINT, TIMESTAMP -> ((Number) datum).longValue();
      case TIME ->
          actual.getLogicalType() instanceof LogicalTypes.TimeMicros
              ? ((Number) datum).longValue() / 1000
              : ((Number) datum).longValue();
      case DOUBLE -> ((Number) datum).doubleValue();
      case STRING -> datum.toString();
      case BYTES ->
          datum instanceof GenericFixed f
              ? ByteBuffer.wrap(f.bytes().clone())
              : copy((ByteBuffer) datum);
      case DECIMAL -> decimal(datum, actual, (SqlType.Decimal) type);
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (Object element : (List<?>) datum) {
          list.add(fromAvro(element, actual.getElementType(), ((SqlType.Array) type).element()));
        }
        yield list;
      }
      case MAP -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) datum).entrySet()) {
          map.put(
              e.getKey().toString(),
              fromAvro(e.getValue(), actual.getValueType(), ((SqlType.Map) type).value()));
        }
        yield map;
      }
      case STRUCT -> struct((GenericRecord) datum, (SqlType.Struct) type);
    };
  }

  /** Reads the fields of a record into columns by name: the exact name, else ignoring case. */
  static Object fieldValue(GenericRecord record, String name, SqlType type) {
    Schema.Field field = field(record.getSchema(), name);
    return field == null ? null : fromAvro(record.get(field.pos()), field.schema(), type);
  }

  static Schema.Field field(Schema record, String name) {
    Schema.Field exact = record.getField(name);
    if (exact != null) {
      return exact;
    }
    return record.getFields().stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  private static Struct struct(GenericRecord record, SqlType.Struct type) {
    Object[] values = new Object[type.fields().size()];
    for (int i = 0; i < values.length; i++) {
      SqlType.Field field = type.fields().get(i);
      values[i] = fieldValue(record, field.name(), field.type());
    }
    return new Struct(type, values);
  }

  private static GenericData.Record record(Struct struct, Schema schema) {
    GenericData.Record record = withDefaults(schema);
    List<SqlType.Field> fields = struct.type().fields();
    for (int i = 0; i < fields.size(); i++) {
      Schema.Field target = field(schema, fields.get(i).name());
      if (target != null) {
        put(record, target, struct.get(i), fields.get(i).type());
      }
    }
    return record;
  }

  /** A record of the schema whose fields hold their defaults, for fields no value fills. */
  static GenericData.Record withDefaults(Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      if (field.hasDefaultValue()) {
        record.put(field.pos(), GenericData.get().getDefaultValue(field));
      }
    }
    return record;
  }

  /**
   * Sets a field; a null for a field that cannot hold null keeps the field's default, if it has
   * one.
   */
  static void put(GenericData.Record record, Schema.Field field, Object value, SqlType type) {
    boolean nullable =
        field.schema().getType() == Schema.Type.UNION
            || field.schema().getType() == Schema.Type.NULL;
    if (value == null && !nullable && field.hasDefaultValue()) {
      return;
    }
    record.put(field.pos(), toAvro(value, type, field.schema()));
  }

  private static List<Object> array(List<?> values, SqlType element, Schema schema) {
    List<Object> out = new GenericData.Array<>(values.size(), schema);
    for (Object value : values) {
      out.add(toAvro(value, element, schema.getElementType()));
    }
    return out;
  }

  private static Map<String, Object> map(Map<?, ?> values, SqlType valueType, Schema valueSchema) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : values.entrySet()) {
      if (e.getKey() == null) {
        throw new SerdeException("Avro maps cannot hold a null key");
      }
      out.put(e.getKey().toString(), toAvro(e.getValue(), valueType, valueSchema));
    }
    return out;
  }

  private static ByteBuffer decimalBytes(BigDecimal value, Schema schema) {
    int scale =
        schema.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getScale() : value.scale();
    return ByteBuffer.wrap(
        value.setScale(scale, RoundingMode.HALF_UP).unscaledValue().toByteArray());
  }

  private static BigDecimal decimal(Object datum, Schema schema, SqlType.Decimal type) {
    BigDecimal value;
    if (datum instanceof ByteBuffer || datum instanceof GenericFixed) {
      byte[] bytes = datum instanceof GenericFixed f ? f.bytes() : bytes((ByteBuffer) datum);
      int scale =
          schema.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getScale() : type.scale();
      value = new BigDecimal(new BigInteger(bytes), scale);
    } else if (datum instanceof Number n) {
      value = new BigDecimal(n.toString());
    } else {
      value = new BigDecimal(datum.toString());
    }
    return value.setScale(type.scale(), RoundingMode.HALF_UP);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static ByteBuffer copy(ByteBuffer buffer) {
    return ByteBuffer.wrap(bytes(buffer));
  }
}
