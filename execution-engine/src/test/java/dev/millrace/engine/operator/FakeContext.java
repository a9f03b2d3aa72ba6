package dev.millrace.engine.operator;

import dev.millrace.engine.state.InMemoryKeyValueStore;
import dev.millrace.engine.state.KeyValueStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A processing context over memory that keeps what operators emit and report. */
final class FakeContext implements ProcessingContext {
  final Map<String, KeyValueStore> stores = new HashMap<>();
  final List<OutputRecord> emitted = new ArrayList<>();
  final List<ProcessingError> errors = new ArrayList<>();
  long streamTime = Long.MIN_VALUE;
  RecordCacheBudget recordCache = RecordCacheBudget.NONE;

  @Override
  public KeyValueStore store(String name) {
    return stores.computeIfAbsent(name, InMemoryKeyValueStore::new);
  }

  @Override
  public long streamTime() {
    return streamTime;
  }

  @Override
  public int partition() {
    return 0;
  }

  @Override
  public RecordCacheBudget recordCache() {
    return recordCache;
  }

  @Override
  public void emit(OutputRecord record) {
    emitted.add(record);
  }

  @Override
  public void report(ProcessingError error) {
    errors.add(error);
  }
}
