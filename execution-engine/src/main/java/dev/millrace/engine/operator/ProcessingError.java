package dev.millrace.engine.operator;

/**
 * A processing-log entry: which record (topic, partition, offset) went wrong, at what stage, and
 * why. The message names the problem, never the record's data.
 */
public record ProcessingError(Kind kind, String topic, int partition, long offset, String message) {

  /** The stage that failed. */
  public enum Kind {
    /** The key or value bytes could not be read in the declared format; the record was skipped. */
    DESERIALIZATION,
    /** The event time could not be taken from the record; the record was skipped. */
    TIMESTAMP,
    /** An expression failed; its value became null (or a predicate false) and the row went on. */
    EVALUATION,
    /** A result row could not be written in the sink's format; it was skipped. */
    SERIALIZATION,
    /**
     * Anything else that failed while processing the record, or a record left out by design (no
     * value where one is needed, a null GROUP BY or join key, a table record without a key); the
     * record was skipped.
     */
    PROCESSING
  }

  @Override
  public String toString() {
    return kind + " error at " + topic + "-" + partition + "@" + offset + ": " + message;
  }
}
