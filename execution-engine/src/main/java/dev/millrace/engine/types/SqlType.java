package dev.millrace.engine.types;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SQL type as ksqlDB defines it. Values of each type are carried at run time as one fixed Java
 * class, so operators never inspect values to find their type:
 *
 * <pre>
 * BOOLEAN   Boolean          DECIMAL   java.math.BigDecimal (scale = the type's scale)
 * INTEGER   Integer          STRING    String
 * BIGINT    Long             BYTES     java.nio.ByteBuffer
 * DOUBLE    Double           DATE      Integer (days since 1970-01-01)
 * TIME      Long (milliseconds of the day)   TIMESTAMP Long (milliseconds since the epoch)
 * ARRAY     java.util.List   MAP       java.util.Map (insertion ordered)
 * STRUCT    Struct (field values in the type's field order)
 * </pre>
 *
 * Null is a value of every type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SqlType.Primitive.class, name = "primitive"),
  @JsonSubTypes.Type(value = SqlType.Decimal.class, name = "decimal"),
  @JsonSubTypes.Type(value = SqlType.Array.class, name = "array"),
  @JsonSubTypes.Type(value = SqlType.Map.class, name = "map"),
  @JsonSubTypes.Type(value = SqlType.Struct.class, name = "struct")
})
public sealed interface SqlType {

  /** The kinds of type; parameterised kinds have their own record. */
  enum Base {
    BOOLEAN,
    INTEGER,
    BIGINT,
    DOUBLE,
    DECIMAL,
    STRING,
    BYTES,
    DATE,
    TIME,
    TIMESTAMP,
    ARRAY,
    MAP,
    STRUCT
  }

  SqlType BOOLEAN = new Primitive(Base.BOOLEAN);
  SqlType INTEGER = new Primitive(Base.INTEGER);
  SqlType BIGINT = new Primitive(Base.BIGINT);
  SqlType DOUBLE = new Primitive(Base.DOUBLE);
  SqlType STRING = new Primitive(Base.STRING);
  SqlType BYTES = new Primitive(Base.BYTES);
  SqlType DATE = new Primitive(Base.DATE);
  SqlType TIME = new Primitive(Base.TIME);
  SqlType TIMESTAMP = new Primitive(Base.TIMESTAMP);

  Base base();

  /** The type as ksqlDB prints it, e.g. {@code ARRAY<STRUCT<`A` INTEGER>>}. */
  String toSql();

  /** A type without parameters. */
  record Primitive(Base base) implements SqlType {
    public Primitive {
      if (base == Base.DECIMAL || base == Base.ARRAY || base == Base.MAP || base == Base.STRUCT) {
        throw new IllegalArgumentException(base + " takes parameters");
      }
    }

    @Override
    public String toSql() {
      return base.name();
    }
  }

  /** DECIMAL(precision, scale). */
  record Decimal(int precision, int scale) implements SqlType {
    public Decimal {
      if (precision < 1 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("invalid DECIMAL(" + precision + ", " + scale + ")");
      }
    }

    @Override
    public Base base() {
      return Base.DECIMAL;
    }

    @Override
    public String toSql() {
      return "DECIMAL(" + precision + ", " + scale + ")";
    }
  }

  /** ARRAY&lt;element&gt;. */
  record Array(SqlType element) implements SqlType {
    @Override
    public Base base() {
      return Base.ARRAY;
    }

    @Override
    public String toSql() {
      return "ARRAY<" + element.toSql() + ">";
    }
  }

  /** MAP&lt;key, value&gt;. */
  record Map(SqlType key, SqlType value) implements SqlType {
    @Override
    public Base base() {
      return Base.MAP;
    }

    @Override
    public String toSql() {
      return "MAP<" + key.toSql() + ", " + value.toSql() + ">";
    }
  }

  /** STRUCT&lt;name type, ...&gt;; field names keep their case. */
  record Struct(List<Field> fields) implements SqlType {
    public Struct {
      fields = List.copyOf(fields);
    }

    @Override
    public Base base() {
      return Base.STRUCT;
    }

    /** The position of the named field, or -1. */
    public int indexOf(String name) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public String toSql() {
      return fields.stream()
          .map(f -> "`" + f.name() + "` " + f.type().toSql())
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }
  }

  /** One field of a STRUCT. */
  record Field(String name, SqlType type) {}
}
