package dev.millrace.engine.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.millrace.engine.expr.Casts;
import dev.millrace.engine.expr.Converter;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link JsonReader} for each SQL type, with ksqlDB's coercions: numbers from JSON numbers or
 * numeric strings, strings from any scalar (or the JSON text of an object or array), booleans from
 * booleans or "true"/"false", BYTES from base64, STRUCT fields matched by name ignoring case.
 * Numbers must fit their column (see {@link NumberFit}): out of range, or a DECIMAL needing
 * rounding, is an error; a fraction read into a whole-number column is dropped, as in ksqlDB.
 */
final class JsonReaders {
  private JsonReaders() {}

  static JsonReader forType(SqlType type) {
    JsonReader reader = nonNull(type);
    return p -> p.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(p);
  }

  private static JsonReader nonNull(SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> JsonReaders::bool;
      case INTEGER, BIGINT, DATE, TIME, TIMESTAMP -> p -> whole(p, type);
      case DOUBLE -> p -> real(p);
      case DECIMAL -> p -> decimal(p, (SqlType.Decimal) type);
      case STRING -> JsonReaders::string;
      case BYTES -> p -> bytes(p, type);
      case ARRAY -> array(forType(((SqlType.Array) type).element()));
      case MAP -> map((SqlType.Map) type);
      case STRUCT -> struct((SqlType.Struct) type);
    };
  }

  private static Object bool(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = p.getText().trim().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return text.equals("true");
      }
    }
    throw mismatch(p, SqlType.BOOLEAN);
  }

  /**
   * A whole-number type from a JSON number (a fraction dropped, as ksqlDB does) or from a string
   * holding a whole number; out of the type's range is an error, never a wrapped value.
   */
  private static Object whole(JsonParser p, SqlType type) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return NumberFit.whole(p.getLongValue(), type);
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return NumberFit.whole(NumberFit.toLong(p.getDecimalValue(), type), type);
    }
    if (token == JsonToken.VALUE_STRING) {
      return NumberFit.parseWhole(p.getText(), type);
    }
    throw mismatch(p, type);
  }

  private static Object real(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return NumberFit.toDouble(p.getDoubleValue());
    }
    if (token == JsonToken.VALUE_STRING) {
      return NumberFit.parseDouble(p.getText());
    }
    throw mismatch(p, SqlType.DOUBLE);
  }

  private static Object decimal(JsonParser p, SqlType.Decimal type) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return NumberFit.toDecimal(p.getDecimalValue(), type);
    }
    if (token == JsonToken.VALUE_STRING) {
      return NumberFit.parseDecimal(p.getText(), type);
    }
    throw mismatch(p, type);
  }

  private static Object bytes(JsonParser p, SqlType type) throws IOException {
    try {
      return ByteBuffer.wrap(
          Base64.getDecoder().decode(expect(p, JsonToken.VALUE_STRING, type).getText()));
    } catch (IllegalArgumentException e) {
      throw new SerdeException("not valid base64 for " + type.toSql());
    }
  }

  private static Object string(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      StringWriter text = new StringWriter();
      try (JsonGenerator g =
          p.getCodec() == null
              ? new com.fasterxml.jackson.core.JsonFactory().createGenerator(text)
              : p.getCodec().getFactory().createGenerator(text)) {
        g.copyCurrentStructure(p);
      }
      return text.toString();
    }
    return p.getText();
  }

  private static JsonReader array(JsonReader element) {
    return p -> {
      expect(p, JsonToken.START_ARRAY, null);
      List<Object> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        out.add(element.read(p));
      }
      return out;
    };
  }

  private static JsonReader map(SqlType.Map type) {
    JsonReader value = forType(type.value());
    Converter key =
        type.key().base() == SqlType.Base.STRING
            ? k -> k
            : Casts.converter(SqlType.STRING, type.key());
    return p -> {
      expect(p, JsonToken.START_OBJECT, type);
      Map<Object, Object> out = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        out.put(mapKey(key, name, type), value.read(p));
      }
      return out;
    };
  }

  private static Object mapKey(Converter key, String name, SqlType.Map type) {
    try {
      return key.convert(name);
    } catch (RuntimeException e) {
      throw new SerdeException("map key is not a valid " + type.key().toSql());
    }
  }

  private static JsonReader struct(SqlType.Struct type) {
    FieldLookup fields = FieldLookup.of(type.fields().stream().map(SqlType.Field::name).toList());
    JsonReader[] readers =
        type.fields().stream().map(f -> forType(f.type())).toArray(JsonReader[]::new);
    return p -> {
      expect(p, JsonToken.START_OBJECT, type);
      Object[] values = new Object[readers.length];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        int index = fields.indexOf(p.currentName());
        p.nextToken();
        if (index < 0) {
          p.skipChildren();
        } else {
          values[index] = readers[index].read(p);
        }
      }
      return new Struct(type, values);
    };
  }

  private static JsonParser expect(JsonParser p, JsonToken token, SqlType type) throws IOException {
    if (p.currentToken() != token) {
      throw new SerdeException(
          "expected "
              + describe(token)
              + (type == null ? "" : " for " + type.toSql())
              + " but found "
              + describe(p.currentToken()));
    }
    return p;
  }

  /**
   * The value itself stays out of the message: it is user data, and messages reach the processing
   * log.
   */
  static SerdeException mismatch(JsonParser p, SqlType type) {
    return new SerdeException(
        "expected " + type.toSql() + " but found " + describe(p.currentToken()));
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "end of input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  /** Finds a field by exact name, else by name ignoring case (as ksqlDB matches JSON fields). */
  static final class FieldLookup {
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    static FieldLookup of(List<String> names) {
      FieldLookup lookup = new FieldLookup();
      for (int i = 0; i < names.size(); i++) {
        lookup.exact.put(names.get(i), i);
        lookup.folded.putIfAbsent(names.get(i).toUpperCase(Locale.ROOT), i);
      }
      return lookup;
    }

    int indexOf(String name) {
      Integer index = exact.get(name);
      if (index == null) {
        index = folded.get(name.toUpperCase(Locale.ROOT));
      }
      return index == null ? -1 : index;
    }
  }
}
