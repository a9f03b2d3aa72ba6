package dev.millrace.server.service;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.serde.SerdeException;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ParseException;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Expression;
import dev.millrace.planner.analysis.ClosestNames;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A stream or table opened for rows sent one at a time as JSON objects, as {@code POST
 * /inserts-stream} sends them. Each row's fields are matched to the target's key and value columns
 * by name (exactly, or else ignoring case) with the JSON format's coercions, then written in the
 * target's own key and value formats, as INSERT INTO ... VALUES writes them.
 */
public final class RowInserts {

  /** How a row arrives: one JSON object, a field per column. */
  private static final FormatInfo ROW = new FormatInfo("JSON", Map.of(), true);

  private final DataSource target;
  private final InsertValues writer;
  private final ValueSerde rows;
  private final int keyColumns;

  private RowInserts(DataSource target, InsertValues writer) {
    this.target = target;
    this.writer = writer;
    this.rows = SerdeFactory.valueSerde(ROW, target.schema().columns());
    this.keyColumns = target.schema().key().size();
  }

  /**
   * Opens {@code name} for inserts: an identifier, upper-cased unless quoted, as in a statement.
   *
   * @throws EngineException (40001) when no stream or table of that name can take rows
   */
  static RowInserts open(Catalog catalog, String name, InsertValues writer) {
    String sourceName = sourceName(name);
    DataSource target =
        catalog
            .source(sourceName)
            .orElseThrow(
                () ->
                    new EngineException(
                        ErrorCode.BAD_STATEMENT,
                        "Cannot insert values into an unknown stream/table: "
                            + sourceName
                            + ClosestNames.hint(
                                sourceName,
                                catalog.sources().stream().map(DataSource::name).toList())));
    if (target.readOnly()) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT,
          "Cannot insert values into read-only " + target.type().lowerName() + ": " + sourceName);
    }
    if (target.isWindowed()) {
      throw new EngineException(
          ErrorCode.BAD_STATEMENT, "Cannot insert values into windowed stream/table " + sourceName);
    }
    return new RowInserts(target, writer);
  }

  private static String sourceName(String name) {
    try {
      Expression parsed = new SqlParser().parseExpression(name);
      if (parsed instanceof ColumnRef ref && ref.source().isEmpty()) {
        return ref.name();
      }
    } catch (ParseException notAnIdentifier) {
      // Reported below, as every other name that is not a single identifier.
    }
    throw new EngineException(
        ErrorCode.BAD_STATEMENT,
        "Invalid target name: '" + name + "' is not a stream or table name");
  }

  /** The target's name as the catalog knows it. */
  public String target() {
    return target.name();
  }

  /**
   * Writes one row, given as the UTF-8 text of a JSON object, and returns once Kafka has stored it.
   *
   * @throws EngineException (40000) when the row is not a JSON object, a value does not fit its
   *     column, or a table row lacks its primary key; or whatever Kafka refused
   */
  public void insert(byte[] json) {
    Object[] values;
    try {
      values = rows.deserialize(json);
    } catch (SerdeException bad) {
      throw new EngineException(ErrorCode.BAD_REQUEST, bad.getMessage());
    }
    if (values == null) {
      throw new EngineException(ErrorCode.BAD_REQUEST, "A row must be a JSON object, not null");
    }
    Object[] key = Arrays.copyOfRange(values, 0, keyColumns);
    if (target.isTable()) {
      List<String> missing = missingKeys(key);
      if (!missing.isEmpty()) {
        throw new EngineException(
            ErrorCode.BAD_REQUEST,
            "Failed to insert values into '"
                + target.name()
                + "'. Value for primary key column(s) "
                + String.join(", ", missing)
                + " is required for tables");
      }
    }
    Object[] value = Arrays.copyOfRange(values, keyColumns, values.length);
    writer.write(target, key, value, System.currentTimeMillis());
  }

  private List<String> missingKeys(Object[] key) {
    List<Column> columns = target.schema().key();
    return java.util.stream.IntStream.range(0, key.length)
        .filter(i -> key[i] == null)
        .mapToObj(i -> columns.get(i).name())
        .toList();
  }
}
