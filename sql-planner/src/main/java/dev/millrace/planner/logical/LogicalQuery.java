package dev.millrace.planner.logical;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.planner.catalog.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;

/**
 * A query's logical plan and what its result looks like.
 *
 * @param root the RelNode tree of the query body up to its projection (an {@link Emit} or {@link
 *     Sink} goes above it for push and persistent queries)
 * @param columns the result columns, in SELECT order
 * @param keyPositions positions in {@code columns} of the result's key columns, in key order
 * @param resultType whether the result is a stream or a table
 * @param window the windowing of the result's key, if windowed
 * @param sources names of the streams and tables read
 */
public record LogicalQuery(
    RelNode root,
    List<Column> columns,
    List<Integer> keyPositions,
    SourceType resultType,
    Optional<WindowInfo> window,
    List<String> sources) {
  public LogicalQuery {
    columns = List.copyOf(columns);
    keyPositions = List.copyOf(keyPositions);
    sources = List.copyOf(sources);
  }

  /**
   * The result as stored: key columns first (in key order), then the other columns in SELECT order.
   */
  public LogicalSchema schema() {
    List<Column> key = new ArrayList<>();
    keyPositions.forEach(p -> key.add(columns.get(p)));
    List<Column> value = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!keyPositions.contains(i)) {
        value.add(columns.get(i));
      }
    }
    return new LogicalSchema(key, value);
  }
}
