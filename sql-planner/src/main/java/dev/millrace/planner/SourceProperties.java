package dev.millrace.planner;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.analysis.DurationText;
import dev.millrace.planner.analysis.FormatResolver;
import dev.millrace.planner.analysis.WithClause;
import dev.millrace.planner.catalog.TimestampColumn;
import java.util.Map;
import java.util.Optional;

/**
 * The WITH properties of CREATE statements beyond formats: windowing of the key and the timestamp
 * column.
 */
final class SourceProperties {
  private SourceProperties() {}

  static FormatResolver.Defaults defaults(PlannerConfig config) {
    return new FormatResolver.Defaults(
        Optional.of(config.defaultKeyFormat()),
        config.defaultValueFormat(),
        Map.of(),
        config.wrapSingleValues(),
        config.registry());
  }

  /**
   * WINDOW_TYPE and WINDOW_SIZE: the key windowing of a source written by a windowed aggregation.
   */
  static Optional<WindowInfo> window(WithClause with, NodeLocation statement) {
    Optional<String> type = with.upper("WINDOW_TYPE");
    if (type.isEmpty()) {
      if (with.has("WINDOW_SIZE")) {
        throw new PlanningException(
            with.location("WINDOW_SIZE", statement),
            "'WINDOW_SIZE' is only valid together with 'WINDOW_TYPE'.");
      }
      return Optional.empty();
    }
    NodeLocation where = with.location("WINDOW_TYPE", statement);
    WindowInfo.Type kind;
    try {
      kind = WindowInfo.Type.valueOf(type.get());
    } catch (IllegalArgumentException e) {
      throw new PlanningException(
          where, "Invalid WINDOW_TYPE: '" + type.get() + "'. Use TUMBLING, HOPPING or SESSION.");
    }
    Optional<String> size = with.string("WINDOW_SIZE");
    if (kind == WindowInfo.Type.SESSION) {
      if (size.isPresent()) {
        throw new PlanningException(
            with.location("WINDOW_SIZE", statement),
            "'WINDOW_SIZE' should not be set for SESSION windows.");
      }
      return Optional.of(new WindowInfo(kind, 0, 0, -1, -1));
    }
    if (size.isEmpty()) {
      throw new PlanningException(where, "'WINDOW_SIZE' must be set for " + kind + " windows.");
    }
    DurationText.Result parsed = DurationText.parse(size.get());
    if (parsed.millis().isEmpty()) {
      throw new PlanningException(
          with.location("WINDOW_SIZE", statement),
          "Configuration WINDOW_SIZE is invalid: " + parsed.problem());
    }
    long millis = parsed.millis().getAsLong();
    return Optional.of(new WindowInfo(kind, millis, millis, -1, -1));
  }

  /** TIMESTAMP and TIMESTAMP_FORMAT: the column holding event time. */
  static Optional<TimestampColumn> timestamp(
      WithClause with, LogicalSchema schema, NodeLocation statement) {
    Optional<String> name =
        with.string("TIMESTAMP")
            .map(
                n -> n.startsWith("`") ? n.replace("`", "") : n.toUpperCase(java.util.Locale.ROOT));
    Optional<String> format = with.string("TIMESTAMP_FORMAT");
    if (name.isEmpty()) {
      if (format.isPresent()) {
        throw new PlanningException(
            with.location("TIMESTAMP_FORMAT", statement),
            "'TIMESTAMP_FORMAT' is only valid together with 'TIMESTAMP'.");
      }
      return Optional.empty();
    }
    NodeLocation where = with.location("TIMESTAMP", statement);
    Column column =
        schema
            .find(name.get())
            .orElseThrow(
                () ->
                    new PlanningException(
                        where,
                        "The TIMESTAMP column set in the WITH clause does not exist in the schema: '"
                            + name.get()
                            + "'"));
    SqlType.Base base = column.type().base();
    boolean valid =
        base == SqlType.Base.BIGINT
            || base == SqlType.Base.TIMESTAMP
            || base == SqlType.Base.STRING && format.isPresent();
    if (!valid) {
      throw new PlanningException(
          where,
          "Timestamp column, `"
              + column.name()
              + "`, should be LONG(INT64), "
              + "TIMESTAMP, or a String with a timestamp_format specified.");
    }
    return Optional.of(new TimestampColumn(column.name(), format));
  }
}
