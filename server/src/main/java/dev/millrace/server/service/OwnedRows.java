package dev.millrace.server.service;

import dev.millrace.engine.operator.Row;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What this server can answer of a pull query from its own state now: the rows of the partitions of
 * the table restored and owned here.
 *
 * @param rows the matching rows of those partitions
 * @param partitions the partitions read
 * @param total the table's partition count in all
 */
public record OwnedRows(List<Row> rows, SortedSet<Integer> partitions, int total) {

  public OwnedRows {
    rows = List.copyOf(rows);
    partitions = new TreeSet<>(partitions);
  }

  /** The partitions of the table not read here. */
  SortedSet<Integer> missing() {
    SortedSet<Integer> missing = new TreeSet<>();
    for (int partition = 0; partition < total; partition++) {
      if (!partitions.contains(partition)) {
        missing.add(partition);
      }
    }
    return missing;
  }
}
