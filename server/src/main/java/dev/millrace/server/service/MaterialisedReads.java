package dev.millrace.server.service;

import dev.millrace.engine.operator.MaterializedTable;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads a materialised table's rows from a query's stores for a pull query, the same way for every
 * backend: key lookups are point reads (a window range for a windowed key), a query without keys
 * scans. A key lives in the store of one task only, so each key is looked up in every store given.
 */
public final class MaterialisedReads {
  private MaterialisedReads() {}

  public static List<Row> read(
      MaterializedTable table, List<KeyValueStore> stores, Optional<List<List<Object>>> keys) {
    List<Row> rows = new ArrayList<>();
    if (keys.isEmpty()) {
      stores.forEach(store -> table.scan(store, rows::add));
      return rows;
    }
    for (List<Object> key : new LinkedHashSet<>(keys.get())) {
      Object[] columns = key.toArray();
      for (KeyValueStore store : stores) {
        if (table.windowed()) {
          rows.addAll(table.windows(store, columns, Long.MIN_VALUE, Long.MAX_VALUE));
        } else {
          table.get(store, columns).ifPresent(rows::add);
        }
      }
    }
    return rows;
  }
}
