package dev.millrace.planner.catalog;

/**
 * Whether a catalog entry is a stream (an append-only log of events) or a table (latest row per
 * key).
 */
public enum SourceType {
  STREAM,
  TABLE;

  /** Lower-case name, as used in messages ("stream", "table"). */
  public String lowerName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
