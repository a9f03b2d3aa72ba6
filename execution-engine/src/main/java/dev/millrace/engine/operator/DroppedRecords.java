package dev.millrace.engine.operator;

/**
 * Reports a record that an operator leaves out by design rather than because it failed: a stream
 * record without a value where one is needed, a null GROUP BY or join key, a table record without a
 * key. Kafka Streams drops these silently; reporting them to the processing log means every input
 * record is either processed or accounted for. Messages name the reason, never the data.
 */
final class DroppedRecords {
  private DroppedRecords() {}

  /**
   * A stream record with a null (or empty) value reached {@code operation}, which needs a value.
   */
  static void noValue(ProcessingContext context, RecordContext record, String operation) {
    context.report(
        ProcessingError.Kind.PROCESSING,
        record,
        "Record dropped by " + operation + ": it has no value (the value is null or empty)");
  }

  /** GROUP BY expression {@code index} (from 1) was null, so the record belongs to no group. */
  static void nullGroupingKey(ProcessingContext context, RecordContext record, int index) {
    context.report(
        ProcessingError.Kind.PROCESSING,
        record,
        "Record dropped by GROUP BY: grouping expression " + index + " is null");
  }

  /** The record's join key is null, so it can match nothing. */
  static void nullJoinKey(ProcessingContext context, RecordContext record) {
    context.report(
        ProcessingError.Kind.PROCESSING,
        record,
        "Record dropped by the join: its join key is null");
  }

  /** A table record without a key has no row to insert, update or delete. */
  static void nullTableKey(ProcessingContext context, RecordContext record) {
    context.report(
        ProcessingError.Kind.PROCESSING, record, "Record dropped by the table: its key is null");
  }
}
