package dev.millrace.engine.operator;

import java.util.List;

/**
 * A record read from a topic, as a runtime hands it to a {@link Pipeline}: bytes, not yet decoded.
 */
public record InputRecord(
    String topic,
    int partition,
    long offset,
    byte[] key,
    byte[] value,
    long timestamp,
    List<Header> headers) {

  public InputRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  public RecordContext context() {
    return new RecordContext(topic, partition, offset);
  }

  /** A record header (Kafka headers are ordered and may repeat a key). */
  public record Header(String key, byte[] value) {}
}
