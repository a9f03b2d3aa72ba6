package dev.millrace.planner.logical;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.planner.analysis.Scope;
import dev.millrace.planner.catalog.SourceType;
import java.util.List;
import java.util.Optional;

/**
 * The FROM clause once planned (its RelNode is on the RelBuilder's stack): the names in scope, the
 * key of its rows, whether they form a stream or a table, the key's windowing, and the sources
 * read.
 */
record PlannedRelation(
    Scope scope,
    List<KeySlot> keys,
    SourceType type,
    Optional<WindowInfo> window,
    List<String> sources) {
  PlannedRelation {
    keys = List.copyOf(keys);
    sources = List.copyOf(sources);
  }
}
