package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * A column in a CREATE or ALTER column list: {@code name type [KEY | PRIMARY KEY | HEADERS |
 * HEADER('key')]}. {@code headerKey} is present only for {@link Kind#HEADER}.
 */
public record TableElement(
    String name, DataType type, Kind kind, Optional<String> headerKey, NodeLocation location)
    implements Node {

  /** Where the column's data lives in the Kafka record. */
  public enum Kind {
    /** An ordinary value column. */
    VALUE,
    /** {@code KEY}: a key column of a stream. */
    KEY,
    /** {@code PRIMARY KEY}: a key column of a table. */
    PRIMARY_KEY,
    /**
     * {@code HEADERS}: all record headers, as ARRAY&lt;STRUCT&lt;KEY STRING, VALUE BYTES&gt;&gt;.
     */
    HEADERS,
    /** {@code HEADER('k')}: the last header with key {@code k}, as BYTES. */
    HEADER
  }

  public TableElement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(headerKey, "headerKey");
  }

  /** An ordinary value column. */
  public static TableElement value(String name, DataType type, NodeLocation location) {
    return new TableElement(name, type, Kind.VALUE, Optional.empty(), location);
  }

  public boolean isKey() {
    return kind == Kind.KEY || kind == Kind.PRIMARY_KEY;
  }
}
