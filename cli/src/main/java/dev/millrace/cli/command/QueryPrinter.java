package dev.millrace.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.millrace.cli.client.MillraceClientException;
import dev.millrace.cli.client.QueryHeader;
import dev.millrace.cli.client.QueryStream;
import dev.millrace.cli.render.LiveTable;
import java.util.Optional;

/** Prints a query's rows into a box as they arrive, until the query ends or Ctrl-C cancels it. */
final class QueryPrinter {

  private final ShellOutput out;
  private final Interrupts interrupts;

  QueryPrinter(ShellOutput out, Interrupts interrupts) {
    this.out = out;
    this.interrupts = interrupts;
  }

  /**
   * Prints every row of {@code query}, then closes it.
   *
   * @throws MillraceClientException when the query fails while running; the rows so far and the
   *     bottom border are printed first
   */
  void print(QueryStream query) throws MillraceClientException {
    QueryHeader header = query.header();
    LiveTable table = LiveTable.layout(header.columnNames(), header.columnTypes(), out.width());
    out.print(table.header());
    try (query;
        Interrupts.Registration ctrlC = interrupts.onInterrupt(query::close)) {
      Optional<ArrayNode> row;
      while ((row = query.nextRow()).isPresent()) {
        out.print(table.row(row.get()));
      }
    } finally {
      out.print(table.footer());
    }
    if (query.isCancelled()) {
      out.println("Query terminated");
    }
  }
}
