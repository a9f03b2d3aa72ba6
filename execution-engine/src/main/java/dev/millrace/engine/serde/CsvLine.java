package dev.millrace.engine.serde;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits and joins one line of delimited text with CSV quoting: a field may be enclosed in double
 * quotes, inside which a doubled quote is a literal quote and the delimiter is plain text. An empty
 * unquoted field reads as null; a null writes as an empty field.
 */
final class CsvLine {
  private CsvLine() {}

  static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new SerdeException("Failed to deserialize DELIMITED: unterminated quoted field");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        fields.add(field.toString());
        if (i < n && line.charAt(i) != delimiter) {
          throw new SerdeException("Failed to deserialize DELIMITED: text after a closing quote");
        }
      } else {
        int end = line.indexOf(delimiter, i);
        String field = line.substring(i, end < 0 ? n : end);
        fields.add(field.isEmpty() ? null : field);
        i = end < 0 ? n : end;
      }
      if (i >= n) {
        return fields;
      }
      i++;
      if (i == n) {
        fields.add(null);
        return fields;
      }
    }
  }

  /**
   * Joins fields, quoting those that need it as common CSV printers do: fields holding the
   * delimiter, a quote or a line break, fields starting with a character up to '#' or ending in a
   * blank, and a record's first field when it starts with something other than a letter or digit.
   */
  static String join(String[] fields, char delimiter) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      String field = fields[i];
      if (field == null) {
        continue;
      }
      if (needsQuotes(field, delimiter, i == 0)) {
        out.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        out.append(field);
      }
    }
    return out.toString();
  }

  private static boolean needsQuotes(String field, char delimiter, boolean first) {
    if (field.isEmpty()) {
      return first;
    }
    char start = field.charAt(0);
    if (start <= '#' || first && !Character.isLetterOrDigit(start)) {
      return true;
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return field.charAt(field.length() - 1) <= ' ';
  }
}
