package dev.millrace.engine.serde;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL columns as a {@code .proto} schema and back. Writing gives the message Millrace's protobuf
 * codec writes ({@link ProtoMessage}: fields numbered 1..n in column order, STRUCTs as nested
 * messages, DECIMAL, DATE, TIME and TIMESTAMP as Confluent's and Google's well-known messages).
 * Reading understands proto3 files of messages and enums (see {@link ProtoDeclarations}), with the
 * files they import: scalars, repeated fields, maps, nested, sibling and imported messages, wrapper
 * types, oneofs; enums read as STRING.
 */
public final class ProtobufSchemas {
  private ProtobufSchemas() {}

  /** The {@code .proto} text of a message holding {@code columns}. */
  public static String of(List<Column> columns) {
    StringBuilder out = new StringBuilder("syntax = \"proto3\";\n\n");
    int[] names = {1};
    message(
        out,
        "ConnectDefault" + names[0]++,
        columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList(),
        names,
        "");
    return out.toString();
  }

  /**
   * The SQL type (a STRUCT) of the named message of a {@code .proto} text, by default its first.
   */
  public static SqlType sqlType(String proto, Optional<String> message) {
    return sqlType(proto, List.of(), message);
  }

  /**
   * The SQL type (a STRUCT) of the named message of a {@code .proto} text, by default its first,
   * whose fields may use the messages and enums of the files it imports ({@code imports}: their
   * texts).
   */
  public static SqlType sqlType(
      String proto, Collection<String> imports, Optional<String> message) {
    ProtoDeclarations declarations = ProtoDeclarations.parse(proto, imports);
    return new Types(declarations).struct(declarations.chosen(message), new HashSet<>());
  }

  /**
   * The message indexes of Confluent's wire format for the named message of a {@code .proto} text
   * (by default its first): where the message is among the file's messages and nested messages.
   */
  public static List<Integer> messageIndexes(String proto, Optional<String> message) {
    ProtoDeclarations declarations = ProtoDeclarations.parse(proto, List.of());
    return declarations.indexes(declarations.chosen(message));
  }

  /**
   * The full name of the message at these message indexes of a {@code .proto} text, as a record's
   * {@link ProtoMessageIndexes} name it.
   */
  public static String messageAt(String proto, List<Integer> indexes) {
    return ProtoDeclarations.parse(proto, List.of()).at(indexes).fullName();
  }

  private static void message(
      StringBuilder out, String name, List<SqlType.Field> fields, int[] names, String indent) {
    out.append(indent).append("message ").append(name).append(" {\n");
    List<Runnable> nested = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      SqlType.Field field = fields.get(i);
      out.append(indent)
          .append("  ")
          .append(fieldType(field.type(), names, nested, out, indent + "  "))
          .append(' ')
          .append(field.name())
          .append(" = ")
          .append(i + 1)
          .append(";\n");
    }
    nested.forEach(Runnable::run);
    out.append(indent).append("}\n");
  }

  private static String fieldType(
      SqlType type, int[] names, List<Runnable> nested, StringBuilder out, String indent) {
    return switch (type.base()) {
      case ARRAY ->
          "repeated " + scalar(((SqlType.Array) type).element(), names, nested, out, indent);
      case MAP ->
          "map<"
              + scalar(((SqlType.Map) type).key(), names, nested, out, indent)
              + ", "
              + scalar(((SqlType.Map) type).value(), names, nested, out, indent)
              + ">";
      default -> scalar(type, names, nested, out, indent);
    };
  }

  private static String scalar(
      SqlType type, int[] names, List<Runnable> nested, StringBuilder out, String indent) {
    return switch (type.base()) {
      case BOOLEAN -> "bool";
      case INTEGER -> "int32";
      case BIGINT -> "int64";
      case DOUBLE -> "double";
      case STRING -> "string";
      case BYTES -> "bytes";
      case DECIMAL -> "confluent.type.Decimal";
      case DATE -> "google.type.Date";
      case TIME -> "google.type.TimeOfDay";
      case TIMESTAMP -> "google.protobuf.Timestamp";
      case STRUCT -> {
        String name = "ConnectDefault" + names[0]++;
        nested.add(() -> message(out, name, ((SqlType.Struct) type).fields(), names, indent));
        yield name;
      }
      case ARRAY, MAP ->
          throw new SerdeException(
              "The PROTOBUF format cannot hold " + type.toSql() + " inside a " + "collection");
    };
  }

  /** The SQL types of the messages of parsed declarations. */
  private record Types(ProtoDeclarations declarations) {
    SqlType.Struct struct(ProtoDeclarations.Message message, Set<String> visiting) {
      if (!visiting.add(message.fullName())) {
        throw new SerdeException(
            "Recursive protobuf message " + message.fullName() + " cannot be a column type");
      }
      List<SqlType.Field> fields = new ArrayList<>();
      for (ProtoDeclarations.FieldDecl field : message.fields()) {
        SqlType type =
            field.type().equals("confluent.type.Decimal")
                ? decimal(field.params())
                : type(field.type(), message.fullName(), visiting);
        if (field.mapKey() != null) {
          type = new SqlType.Map(type(field.mapKey(), message.fullName(), visiting), type);
        } else if (field.repeated()) {
          type = new SqlType.Array(type);
        }
        fields.add(new SqlType.Field(field.name(), type));
      }
      visiting.remove(message.fullName());
      return new SqlType.Struct(fields);
    }

    /** The SQL type of a field's type name, as used inside the message {@code scope}. */
    SqlType type(String name, String scope, Set<String> visiting) {
      return switch (name.startsWith(".") ? name.substring(1) : name) {
        case "bool", "google.protobuf.BoolValue" -> SqlType.BOOLEAN;
        case "int32", "sint32", "sfixed32", "fixed32", "google.protobuf.Int32Value" ->
            SqlType.INTEGER;
        case "int64",
            "sint64",
            "sfixed64",
            "fixed64",
            "uint32",
            "uint64",
            "google.protobuf.Int64Value",
            "google.protobuf.UInt32Value",
            "google.protobuf.UInt64Value" ->
            SqlType.BIGINT;
        case "double", "float", "google.protobuf.DoubleValue", "google.protobuf.FloatValue" ->
            SqlType.DOUBLE;
        case "string", "google.protobuf.StringValue" -> SqlType.STRING;
        case "bytes", "google.protobuf.BytesValue" -> SqlType.BYTES;
        case "confluent.type.Decimal" -> decimal(Map.of());
        case "google.type.Date" -> SqlType.DATE;
        case "google.type.TimeOfDay" -> SqlType.TIME;
        case "google.protobuf.Timestamp" -> SqlType.TIMESTAMP;
        default -> {
          if (declarations.isEnum(name, scope)) {
            yield SqlType.STRING;
          }
          yield struct(
              declarations
                  .message(name, scope)
                  .orElseThrow(() -> new SerdeException("Unknown protobuf type " + name)),
              visiting);
        }
      };
    }

    /**
     * A Confluent decimal's type: the precision and scale its field declares (as Confluent's
     * converter writes them), else {@code DECIMAL(64, 0)}.
     */
    static SqlType decimal(Map<String, String> params) {
      try {
        return new SqlType.Decimal(
            Integer.parseInt(params.getOrDefault("precision", "64")),
            Integer.parseInt(params.getOrDefault("scale", "0")));
      } catch (NumberFormatException e) {
        throw new SerdeException("Invalid decimal precision or scale: " + params);
      }
    }
  }
}
