package dev.millrace.engine.plan;

/** The join kinds ksqlDB supports. */
public enum JoinType {
  INNER,
  LEFT,
  RIGHT,
  OUTER
}
