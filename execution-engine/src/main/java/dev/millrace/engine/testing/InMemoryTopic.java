package dev.millrace.engine.testing;

import java.util.ArrayList;
import java.util.List;

/** A topic of the test driver: its partitions, each an append-only list of records. */
final class InMemoryTopic {
  private final String name;
  private final List<List<TestRecord>> partitions = new ArrayList<>();
  private final List<TestRecord> all = new ArrayList<>();

  InMemoryTopic(String name, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
    this.name = name;
    for (int i = 0; i < partitions; i++) {
      this.partitions.add(new ArrayList<>());
    }
  }

  int partitionCount() {
    return partitions.size();
  }

  TestRecord append(
      int partition,
      byte[] key,
      byte[] value,
      long timestamp,
      List<dev.millrace.engine.operator.InputRecord.Header> headers) {
    if (partition < 0 || partition >= partitions.size()) {
      throw new IllegalArgumentException("topic " + name + " has no partition " + partition);
    }
    List<TestRecord> log = partitions.get(partition);
    TestRecord record = new TestRecord(name, partition, log.size(), key, value, timestamp, headers);
    log.add(record);
    all.add(record);
    return record;
  }

  /** Every record, in the order they were written (across partitions). */
  List<TestRecord> records() {
    return List.copyOf(all);
  }
}
