package dev.millrace.engine.operator;

/**
 * Turns an input record's bytes into the first row of a chain: a source topic's decoding, or an
 * internal repartition topic's. Returns null for a record that must be skipped, after reporting
 * why.
 */
@FunctionalInterface
public interface RecordDecoder {
  Row decode(InputRecord record, ProcessingContext context);
}
