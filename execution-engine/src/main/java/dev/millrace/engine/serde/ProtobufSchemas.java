package dev.millrace.engine.serde;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL columns as a {@code .proto} schema and back. Writing gives the message Millrace's protobuf
 * codec writes ({@link ProtoMessage}: fields numbered 1..n in column order, STRUCTs as nested
 * messages, DECIMAL, DATE, TIME and TIMESTAMP as Confluent's and Google's well-known messages).
 * Reading understands proto3 files of messages and enums: scalars, repeated fields, maps, nested
 * and sibling messages, wrapper types, oneofs; enums read as STRING.
 */
public final class ProtobufSchemas {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\"[^\"]*\"|'[^']*'|[A-Za-z_][A-Za-z0-9_.]*|-?\\d+|//[^\\n]*" + "|/\\*.*?\\*/|\\S",
          Pattern.DOTALL);

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
    Parser parser = new Parser(tokens(proto));
    parser.file();
    if (parser.messages.isEmpty()) {
      throw new SerdeException("The protobuf schema defines no message");
    }
    Message chosen = parser.messages.get(0);
    if (message.isPresent()) {
      chosen = parser.byName.get(message.get().substring(message.get().lastIndexOf('.') + 1));
      if (chosen == null) {
        throw new SerdeException(
            "Schema " + message.get() + " is not defined in the protobuf schema");
      }
    }
    return parser.struct(chosen, new HashSet<>());
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

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (!m.group().startsWith("//") && !m.group().startsWith("/*")) {
        tokens.add(m.group());
      }
    }
    return tokens;
  }

  /** A message as parsed: its fields (type name, label, name) and the types declared inside it. */
  private record Message(String name, List<FieldDecl> fields) {}

  /**
   * A field as declared; {@code params} are the key/value {@code params} of its {@code
   * (confluent.field_meta)} option, such as a decimal's precision and scale.
   */
  private record FieldDecl(
      String name, String type, boolean repeated, String mapKey, Map<String, String> params) {}

  /** A small recursive-descent reader of proto3 declarations. */
  private static final class Parser {
    final List<String> tokens;
    final List<Message> messages = new ArrayList<>();
    final Map<String, Message> byName = new HashMap<>();
    final Set<String> enums = new HashSet<>();
    int at;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    void file() {
      while (at < tokens.size()) {
        String token = next();
        switch (token) {
          case "message" -> messages.add(message());
          case "enum" -> enumeration();
          case "syntax", "import", "package", "option" -> skipStatement();
          default -> {}
        }
      }
    }

    Message message() {
      Message message = new Message(next(), new ArrayList<>());
      byName.put(message.name(), message);
      expect("{");
      while (!peek().equals("}")) {
        String token = next();
        switch (token) {
          case "message" -> message();
          case "enum" -> enumeration();
          case "option", "reserved", "extensions" -> skipStatement();
          case "oneof" -> {
            next();
            expect("{");
            while (!peek().equals("}")) {
              field(message, next());
            }
            next();
          }
          case ";" -> {}
          default -> field(message, token);
        }
      }
      next();
      return message;
    }

    void field(Message message, String first) {
      boolean repeated = first.equals("repeated");
      String type = repeated || first.equals("optional") ? next() : first;
      String mapKey = null;
      if (type.equals("map")) {
        expect("<");
        mapKey = next();
        expect(",");
        type = next();
        expect(">");
      }
      String name = next();
      message.fields().add(new FieldDecl(name, type, repeated, mapKey, fieldParams()));
    }

    /**
     * Reads the rest of a field declaration ({@code = 6 [options];}), collecting the {@code key:
     * "..."} and {@code value: "..."} pairs of each {@code { }} group of its options.
     */
    Map<String, String> fieldParams() {
      Map<String, String> params = new HashMap<>();
      String key = null;
      String value = null;
      int depth = 0;
      while (at < tokens.size()) {
        String token = next();
        if (token.equals("[") || token.equals("{")) {
          depth++;
          key = null;
          value = null;
        } else if (token.equals("]") || token.equals("}")) {
          depth--;
          if (key != null && value != null) {
            params.put(key, value);
          }
          key = null;
          value = null;
        } else if (depth == 0 && token.equals(";")) {
          return params;
        } else if ((token.equals("key") || token.equals("value"))
            && at + 1 < tokens.size()
            && tokens.get(at).equals(":")
            && tokens.get(at + 1).startsWith("\"")) {
          next();
          String text = next();
          text = text.substring(1, text.length() - 1);
          if (token.equals("key")) {
            key = text;
          } else {
            value = text;
          }
        }
      }
      return params;
    }

    void enumeration() {
      enums.add(next());
      expect("{");
      int depth = 1;
      while (depth > 0) {
        String token = next();
        depth += token.equals("{") ? 1 : token.equals("}") ? -1 : 0;
      }
    }

    SqlType.Struct struct(Message message, Set<String> visiting) {
      if (!visiting.add(message.name())) {
        throw new SerdeException(
            "Recursive protobuf message " + message.name() + " cannot be a column type");
      }
      List<SqlType.Field> fields = new ArrayList<>();
      for (FieldDecl field : message.fields()) {
        SqlType type =
            field.type().equals("confluent.type.Decimal")
                ? decimal(field.params())
                : type(field.type(), visiting);
        if (field.mapKey() != null) {
          type = new SqlType.Map(type(field.mapKey(), visiting), type);
        } else if (field.repeated()) {
          type = new SqlType.Array(type);
        }
        fields.add(new SqlType.Field(field.name(), type));
      }
      visiting.remove(message.name());
      return new SqlType.Struct(fields);
    }

    SqlType type(String name, Set<String> visiting) {
      String simple = name.substring(name.lastIndexOf('.') + 1);
      return switch (name) {
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
          if (enums.contains(simple)) {
            yield SqlType.STRING;
          }
          Message message = byName.get(simple);
          if (message == null) {
            throw new SerdeException("Unknown protobuf type " + name);
          }
          yield struct(message, visiting);
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

    void skipStatement() {
      int depth = 0;
      while (at < tokens.size()) {
        String token = next();
        depth +=
            token.equals("[") || token.equals("{")
                ? 1
                : token.equals("]") || token.equals("}") ? -1 : 0;
        if (depth == 0 && token.equals(";")) {
          return;
        }
      }
    }

    String next() {
      if (at >= tokens.size()) {
        throw new SerdeException("The protobuf schema ends unexpectedly");
      }
      return tokens.get(at++);
    }

    String peek() {
      if (at >= tokens.size()) {
        throw new SerdeException("The protobuf schema ends unexpectedly");
      }
      return tokens.get(at);
    }

    void expect(String token) {
      String found = next();
      if (!found.equals(token)) {
        throw new SerdeException(
            "Invalid protobuf schema: expected '" + token + "' but found '" + found + "'");
      }
    }
  }
}
