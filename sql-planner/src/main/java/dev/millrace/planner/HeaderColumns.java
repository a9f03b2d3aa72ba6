package dev.millrace.planner;

import dev.millrace.engine.plan.HeaderColumn;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.parser.ast.TableElement;
import dev.millrace.planner.analysis.TypeResolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The header columns a CREATE STREAM or TABLE declares, checked as ksqlDB checks them: a {@code
 * HEADERS} column is ARRAY&lt;STRUCT&lt;KEY STRING, VALUE BYTES&gt;&gt; and the only header column;
 * {@code HEADER('key')} columns are BYTES, one per key. They follow the stored value columns.
 */
final class HeaderColumns {
  private HeaderColumns() {}

  static boolean isHeader(TableElement element) {
    return element.kind() == TableElement.Kind.HEADERS
        || element.kind() == TableElement.Kind.HEADER;
  }

  static List<HeaderColumn> of(List<TableElement> elements, TypeResolver types) {
    List<HeaderColumn> headers = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (TableElement element : elements) {
      if (!isHeader(element)) {
        continue;
      }
      HeaderColumn column = new HeaderColumn(element.name(), element.headerKey());
      SqlType declared = types.resolve(element.type(), element.location());
      if (!declared.equals(column.type())) {
        throw new PlanningException(
            element.location(),
            "Columns specified with the "
                + (column.key().isPresent() ? "HEADER('<key>')" : "HEADERS")
                + " keyword must be typed as "
                + (column.key().isPresent()
                    ? "BYTES."
                    : "ARRAY<STRUCT<key STRING, value BYTES>>."));
      }
      boolean allHeaders = headers.stream().anyMatch(h -> h.key().isEmpty());
      if (allHeaders || (column.key().isEmpty() && !headers.isEmpty())) {
        throw new PlanningException(
            element.location(), "Schema already contains a HEADERS column.");
      }
      if (column.key().isPresent() && !keys.add(column.key().get())) {
        throw new PlanningException(
            element.location(),
            "Schema already contains a HEADER('" + column.key().get() + "') column.");
      }
      headers.add(column);
    }
    return headers;
  }

  /** {@code stored} with the header columns after its value columns. */
  static LogicalSchema append(
      LogicalSchema stored, List<HeaderColumn> headers, NodeLocation location) {
    List<Column> value = new ArrayList<>(stored.value());
    for (HeaderColumn header : headers) {
      Optional<Column> clash = stored.find(header.name());
      if (clash.isPresent()) {
        throw new PlanningException(location, "Duplicate column names: `" + header.name() + "`");
      }
      value.add(new Column(header.name(), header.type()));
    }
    return new LogicalSchema(stored.key(), value);
  }
}
