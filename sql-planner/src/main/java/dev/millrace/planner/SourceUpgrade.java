package dev.millrace.planner;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.catalog.DataSource;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of {@code CREATE OR REPLACE} for the stream or table itself, as ksqlDB has them: its
 * readers and the records already in its topic keep their meaning, so the replacement keeps the
 * kind, key columns, topic, formats and windowing, and may only add value columns after the
 * existing ones. Source streams and tables ({@code CREATE SOURCE}) cannot be replaced at all.
 */
final class SourceUpgrade {
  private SourceUpgrade() {}

  /** Refuses a {@code CREATE OR REPLACE SOURCE ...}, which ksqlDB never accepts. */
  static void refuseReadOnly(String name, String kind, NodeLocation at) {
    throw new PlanningException(
        at,
        "Cannot add "
            + kind
            + " '"
            + name
            + "': CREATE OR REPLACE is not supported on source "
            + kind
            + "s.");
  }

  /**
   * Checks that {@code existing} may be replaced by a statement creating a {@code kind} ("stream"
   * or "table") with or without a query.
   */
  static void checkReplaceable(
      DataSource existing, String kind, boolean withQuery, NodeLocation at) {
    String what = "Cannot add " + kind + " '" + existing.name() + "': ";
    if (!existing.type().lowerName().equals(kind)) {
      throw new PlanningException(
          at, what + "it would replace a " + existing.type().lowerName() + ".");
    }
    if (existing.readOnly()) {
      refuseReadOnly(existing.name(), kind, at);
    }
    if (existing.createdByQuery() && !withQuery) {
      throw new PlanningException(
          at,
          what
              + "it is written by the query of a CREATE "
              + kind.toUpperCase(java.util.Locale.ROOT)
              + " ... AS SELECT: replace that statement instead.");
    }
    if (!existing.createdByQuery() && withQuery) {
      throw new PlanningException(
          at,
          what
              + "it was declared with CREATE "
              + kind.toUpperCase(java.util.Locale.ROOT)
              + " (no query writes it), so no query can be replaced.");
    }
  }

  /** Checks that {@code replacement} keeps what readers of {@code existing} rely on. */
  static void checkCompatible(DataSource existing, DataSource replacement, NodeLocation at) {
    String what = "Cannot upgrade " + existing.type().lowerName() + " " + existing.name() + ": ";
    if (!existing.schema().key().equals(replacement.schema().key())) {
      throw new PlanningException(
          at,
          what
              + "its key columns may not change (they are "
              + columns(existing.schema().key())
              + "; the replacement has "
              + columns(replacement.schema().key())
              + ").");
    }
    List<Column> before = existing.schema().value();
    List<Column> after = replacement.schema().value();
    List<Column> changed =
        before.stream()
            .filter(
                c -> before.indexOf(c) >= after.size() || !after.get(before.indexOf(c)).equals(c))
            .toList();
    if (!changed.isEmpty()) {
      throw new PlanningException(
          at,
          what
              + "value columns may only be added after the existing ones; these would be changed, "
              + "removed or moved: "
              + columns(changed)
              + ".");
    }
    if (!existing.topic().equals(replacement.topic())) {
      throw new PlanningException(
          at,
          what
              + "its topic may not change (it is '"
              + existing.topic()
              + "'; the replacement names '"
              + replacement.topic()
              + "').");
    }
    same(
        what,
        "key format",
        existing.formats().key().format(),
        replacement.formats().key().format(),
        at);
    same(
        what,
        "value format",
        existing.formats().value().format(),
        replacement.formats().value().format(),
        at);
    same(
        what,
        "windowing",
        existing.formats().keyWindow().map(SourceUpgrade::window).orElse("none"),
        replacement.formats().keyWindow().map(SourceUpgrade::window).orElse("none"),
        at);
  }

  private static void same(
      String what, String property, String before, String after, NodeLocation at) {
    if (!before.equals(after)) {
      throw new PlanningException(
          at,
          what
              + "its "
              + property
              + " may not change (it is "
              + before
              + "; the replacement has "
              + after
              + ").");
    }
  }

  private static String window(WindowInfo window) {
    return window.type()
        + " "
        + window.sizeMs()
        + " ms"
        + (window.type() == WindowInfo.Type.HOPPING
            ? " advancing " + window.advanceMs() + " ms"
            : "");
  }

  private static String columns(List<Column> columns) {
    return columns.isEmpty()
        ? "none"
        : columns.stream().map(Column::toSql).collect(Collectors.joining(", "));
  }
}
