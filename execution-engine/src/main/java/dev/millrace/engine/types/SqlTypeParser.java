package dev.millrace.engine.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a SQL type written as text, e.g. {@code STRUCT<A VARCHAR, B ARRAY<DECIMAL(4, 2)>>}, as the
 * schema strings of user functions give them. Keywords are case-insensitive; a struct field name is
 * upper-cased unless back-quoted, as in SQL statements. The engine knows no SQL grammar, so the few
 * type forms are read here by hand.
 */
public final class SqlTypeParser {
  private final String text;
  private int at;

  private SqlTypeParser(String text) {
    this.text = text;
  }

  /** The type the text names; IllegalArgumentException says where it stops making sense. */
  public static SqlType parse(String text) {
    SqlTypeParser parser = new SqlTypeParser(text);
    SqlType type = parser.type();
    parser.skipSpace();
    if (parser.at < text.length()) {
      throw parser.error("unexpected '" + text.substring(parser.at) + "'");
    }
    return type;
  }

  private SqlType type() {
    String word = word().toUpperCase(Locale.ROOT);
    return switch (word) {
      case "BOOLEAN" -> SqlType.BOOLEAN;
      case "INT", "INTEGER" -> SqlType.INTEGER;
      case "BIGINT" -> SqlType.BIGINT;
      case "DOUBLE" -> SqlType.DOUBLE;
      case "STRING", "VARCHAR" -> SqlType.STRING;
      case "BYTES" -> SqlType.BYTES;
      case "DATE" -> SqlType.DATE;
      case "TIME" -> SqlType.TIME;
      case "TIMESTAMP" -> SqlType.TIMESTAMP;
      case "DECIMAL" -> decimal();
      case "ARRAY" -> array();
      case "MAP" -> map();
      case "STRUCT" -> struct();
      default -> throw error("unknown type '" + word + "'");
    };
  }

  private SqlType decimal() {
    expect('(');
    int precision = number();
    expect(',');
    int scale = number();
    expect(')');
    try {
      return new SqlType.Decimal(precision, scale);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private SqlType array() {
    expect('<');
    SqlType element = type();
    expect('>');
    return new SqlType.Array(element);
  }

  private SqlType map() {
    expect('<');
    SqlType key = type();
    expect(',');
    SqlType value = type();
    expect('>');
    return new SqlType.Map(key, value);
  }

  private SqlType struct() {
    expect('<');
    List<SqlType.Field> fields = new ArrayList<>();
    if (!accept('>')) {
      do {
        String name = fieldName();
        fields.add(new SqlType.Field(name, type()));
      } while (accept(','));
      expect('>');
    }
    return new SqlType.Struct(fields);
  }

  private String fieldName() {
    skipSpace();
    if (at < text.length() && text.charAt(at) == '`') {
      int close = text.indexOf('`', at + 1);
      if (close < 0) {
        throw error("unclosed `");
      }
      String name = text.substring(at + 1, close);
      at = close + 1;
      return name;
    }
    return word().toUpperCase(Locale.ROOT);
  }

  private String word() {
    skipSpace();
    int start = at;
    while (at < text.length()
        && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
      at++;
    }
    if (start == at) {
      throw error("expected a name");
    }
    return text.substring(start, at);
  }

  private int number() {
    String digits = word();
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw error("expected a number, not '" + digits + "'");
    }
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private boolean accept(char c) {
    skipSpace();
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "Invalid type '" + text + "' at character " + (at + 1) + ": " + what);
  }
}
