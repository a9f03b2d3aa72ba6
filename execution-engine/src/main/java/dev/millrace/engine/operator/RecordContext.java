package dev.millrace.engine.operator;

/** Where the input record being processed came from: named in processing-log entries. */
public record RecordContext(String topic, int partition, long offset) {}
