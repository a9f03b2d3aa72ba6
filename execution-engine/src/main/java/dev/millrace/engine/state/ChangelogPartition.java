package dev.millrace.engine.state;

/** The changelog topic partition that backs one task's copy of a state store. */
public record ChangelogPartition(String topic, int partition) {
  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
