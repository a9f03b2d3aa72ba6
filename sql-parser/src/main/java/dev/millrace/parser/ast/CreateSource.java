package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name [(columns)] WITH (...)}:
 * declares a stream or table over an existing or new topic. {@code readOnly} is the {@code SOURCE}
 * flag (no INSERTs, table materialised for pull queries). An empty column list means the schema is
 * to be inferred from a schema registry.
 */
public record CreateSource(
    SourceKind kind,
    String name,
    List<TableElement> elements,
    WithProperties properties,
    boolean orReplace,
    boolean ifNotExists,
    boolean readOnly,
    NodeLocation location)
    implements Statement {

  public CreateSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    elements = List.copyOf(elements);
    Objects.requireNonNull(properties, "properties");
  }
}
