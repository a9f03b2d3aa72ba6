package dev.millrace.planner.logical;

import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A Calcite schema over one catalog snapshot: one {@link SourceTable} per stream or table. */
public final class CatalogSchema extends AbstractSchema {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  public CatalogSchema(Catalog catalog) {
    for (DataSource source : catalog.sources()) {
      tables.put(source.name(), new SourceTable(source));
    }
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
