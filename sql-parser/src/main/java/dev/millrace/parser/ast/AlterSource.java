package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code ALTER STREAM|TABLE name ADD [COLUMN] name type [, ADD [COLUMN] ...]}. */
public record AlterSource(
    SourceKind kind, String name, List<TableElement> addedColumns, NodeLocation location)
    implements Statement {

  public AlterSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    addedColumns = List.copyOf(addedColumns);
  }
}
