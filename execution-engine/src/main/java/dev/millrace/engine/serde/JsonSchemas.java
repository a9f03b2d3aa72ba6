package dev.millrace.engine.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * SQL types as JSON schemas and back, in the dialect of Kafka Connect's JSON schema converter that
 * ksqlDB uses: integers say their width in {@code connect.type}, DECIMAL, DATE, TIME and TIMESTAMP
 * are named by {@code title}, MAP is an object with {@code additionalProperties}, and optional
 * values are {@code oneOf} null and the type. Reading takes plain JSON schemas too: an integer
 * without a width is BIGINT, a number DOUBLE.
 */
public final class JsonSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECT = "org.apache.kafka.connect.data.";
  private static final String DRAFT = "http://json-schema.org/draft-07/schema#";

  private JsonSchemas() {}

  /**
   * The schema of an object holding {@code columns}, or of the single bare column when unwrapped. A
   * bare column's schema names its draft in {@code $schema}: a registry that tells schema types
   * apart by their content (Apicurio's) takes JSON for a JSON schema only with a {@code $schema} or
   * top-level {@code properties}, and refuses a bare {@code oneOf} (a key of one INT column).
   */
  public static String of(List<Column> columns, boolean wrapped) {
    if (!wrapped && columns.size() == 1) {
      ObjectNode schema = NODES.objectNode().put("$schema", DRAFT);
      schema.setAll(optional(type(columns.get(0).type())));
      return schema.toString();
    }
    ObjectNode properties = NODES.objectNode();
    for (int i = 0; i < columns.size(); i++) {
      properties.set(
          columns.get(i).name(), optional(type(columns.get(i).type())).put("connect.index", i));
    }
    ObjectNode schema = NODES.objectNode().put("type", "object");
    schema.set("properties", properties);
    return schema.toString();
  }

  /** The SQL type of values of a JSON schema (text). */
  public static SqlType sqlType(String schema) {
    try {
      return sqlType(JSON.readTree(schema));
    } catch (IOException e) {
      throw new SerdeException("Invalid JSON schema: " + e.getMessage(), e);
    }
  }

  /** The columns an object schema describes, one per property, or empty for another schema. */
  public static List<Column> columns(String schema) {
    SqlType type = sqlType(schema);
    if (!(type instanceof SqlType.Struct struct)) {
      return List.of();
    }
    return struct.fields().stream().map(f -> new Column(f.name(), f.type())).toList();
  }

  private static ObjectNode type(SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> simple("boolean");
      case INTEGER -> simple("integer").put("connect.type", "int32");
      case BIGINT -> simple("integer").put("connect.type", "int64");
      case DOUBLE -> simple("number").put("connect.type", "float64");
      case STRING -> simple("string");
      case BYTES -> simple("string").put("connect.type", "bytes");
      case DATE -> simple("integer").put("connect.type", "int32").put("title", CONNECT + "Date");
      case TIME -> simple("integer").put("connect.type", "int32").put("title", CONNECT + "Time");
      case TIMESTAMP ->
          simple("integer").put("connect.type", "int64").put("title", CONNECT + "Timestamp");
      case DECIMAL -> {
        SqlType.Decimal d = (SqlType.Decimal) type;
        ObjectNode node =
            simple("number").put("connect.type", "bytes").put("title", CONNECT + "Decimal");
        node.putObject("connect.parameters")
            .put("scale", String.valueOf(d.scale()))
            .put("connect.decimal.precision", String.valueOf(d.precision()));
        yield node;
      }
      case ARRAY -> {
        ObjectNode node = simple("array");
        node.set("items", optional(type(((SqlType.Array) type).element())));
        yield node;
      }
      case MAP -> {
        ObjectNode node = simple("object").put("connect.type", "map");
        node.set("additionalProperties", optional(type(((SqlType.Map) type).value())));
        yield node;
      }
      case STRUCT -> {
        ObjectNode properties = NODES.objectNode();
        List<SqlType.Field> fields = ((SqlType.Struct) type).fields();
        for (int i = 0; i < fields.size(); i++) {
          properties.set(
              fields.get(i).name(), optional(type(fields.get(i).type())).put("connect.index", i));
        }
        ObjectNode node = simple("object");
        node.set("properties", properties);
        yield node;
      }
    };
  }

  private static ObjectNode simple(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static ObjectNode optional(ObjectNode type) {
    ObjectNode node = NODES.objectNode();
    node.putArray("oneOf").add(simple("null")).add(type);
    return node;
  }

  private static SqlType sqlType(JsonNode schema) {
    JsonNode oneOf = schema.get("oneOf");
    if (oneOf != null) {
      List<JsonNode> branches = new ArrayList<>();
      oneOf.forEach(
          b -> {
            if (!"null".equals(b.path("type").asText())) {
              branches.add(b);
            }
          });
      if (branches.size() != 1) {
        throw new SerdeException(
            "JSON schema oneOf other than null and one type is not supported: " + schema);
      }
      return sqlType(branches.get(0));
    }
    String title = schema.path("title").asText("");
    String connect = schema.path("connect.type").asText("");
    return switch (schema.path("type").asText("")) {
      case "boolean" -> SqlType.BOOLEAN;
      case "integer" ->
          title.equals(CONNECT + "Date")
              ? SqlType.DATE
              : title.equals(CONNECT + "Time")
                  ? SqlType.TIME
                  : title.equals(CONNECT + "Timestamp")
                      ? SqlType.TIMESTAMP
                      : connect.equals("int32") || connect.equals("int16") || connect.equals("int8")
                          ? SqlType.INTEGER
                          : SqlType.BIGINT;
      case "number" ->
          title.equals(CONNECT + "Decimal")
              ? decimal(schema.path("connect.parameters"))
              : SqlType.DOUBLE;
      case "string" -> connect.equals("bytes") ? SqlType.BYTES : SqlType.STRING;
      case "array" -> new SqlType.Array(sqlType(schema.path("items")));
      case "object" -> object(schema);
      default -> throw new SerdeException("JSON schema type not supported: " + schema);
    };
  }

  private static SqlType object(JsonNode schema) {
    JsonNode properties = schema.get("properties");
    if (properties == null || properties.isEmpty() && schema.has("additionalProperties")) {
      JsonNode values = schema.path("additionalProperties");
      return new SqlType.Map(SqlType.STRING, values.isObject() ? sqlType(values) : SqlType.STRING);
    }
    List<SqlType.Field> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      fields.add(new SqlType.Field(property.getKey(), sqlType(property.getValue())));
    }
    return new SqlType.Struct(fields);
  }

  private static SqlType decimal(JsonNode parameters) {
    return new SqlType.Decimal(
        Integer.parseInt(parameters.path("connect.decimal.precision").asText("64")),
        Integer.parseInt(parameters.path("scale").asText("0")));
  }
}
