package dev.millrace.engine.testing;

import dev.millrace.engine.operator.InputRecord;
import java.util.Arrays;
import java.util.List;

/** A record in one of the {@link TestDriver}'s in-memory topics. */
public record TestRecord(
    String topic,
    int partition,
    long offset,
    byte[] key,
    byte[] value,
    long timestamp,
    List<InputRecord.Header> headers) {

  public TestRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** The record as a pipeline reads it, under the topic name the query's plan uses. */
  InputRecord asInput(String planTopic) {
    return new InputRecord(planTopic, partition, offset, key, value, timestamp, headers);
  }

  @Override
  public String toString() {
    return topic
        + "-"
        + partition
        + "@"
        + offset
        + " "
        + Arrays.toString(key)
        + " -> "
        + (value == null ? "null" : Arrays.toString(value))
        + " at "
        + timestamp;
  }
}
