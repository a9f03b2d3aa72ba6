package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code ASSERT STREAM|TABLE name (columns) WITH (...)}: the test runner checks that the source
 * exists with this schema and these properties.
 */
public record AssertSource(
    SourceKind kind,
    String name,
    List<TableElement> elements,
    WithProperties properties,
    NodeLocation location)
    implements Statement {

  public AssertSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    elements = List.copyOf(elements);
    Objects.requireNonNull(properties, "properties");
  }
}
