package dev.millrace.planner.catalog;

import dev.millrace.engine.types.SqlType;
import java.util.Objects;

/**
 * A change to the catalog that a statement asks for, as data: the planner computes it against a
 * snapshot, the caller applies it with {@link Catalog#apply} once the statement is accepted.
 */
public sealed interface CatalogChange {

  /**
   * Registers a stream or table; {@code replace} allows an existing one of that name to be
   * replaced.
   */
  record AddSource(DataSource source, boolean replace) implements CatalogChange {
    public AddSource {
      Objects.requireNonNull(source, "source");
    }
  }

  /** Removes a stream or table. */
  record RemoveSource(String name) implements CatalogChange {
    public RemoveSource {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Registers a custom type (CREATE TYPE). */
  record AddType(String name, SqlType type) implements CatalogChange {
    public AddType {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /** Removes a custom type (DROP TYPE). */
  record RemoveType(String name) implements CatalogChange {
    public RemoveType {
      Objects.requireNonNull(name, "name");
    }
  }
}
