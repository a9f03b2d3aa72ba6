package dev.millrace.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A scripted stand-in for the engine: it records what it is asked to do, rejects statements that
 * contain a given fragment, and makes canned records appear on topics when a statement containing a
 * fragment runs (as an engine would when an INSERT flows through a query).
 */
final class FakeSession implements CaseSession {
  final List<String> executed = new ArrayList<>();
  final List<TestRecord> piped = new ArrayList<>();
  final Map<String, Integer> createdTopics = new LinkedHashMap<>();
  private final Map<String, List<TestRecord>> topics = new LinkedHashMap<>();
  private final Map<String, SourceSummary> sources = new HashMap<>();
  private final Map<String, RuntimeException> rejections = new LinkedHashMap<>();
  private final Map<String, List<TestRecord>> emissions = new LinkedHashMap<>();
  Map<String, Object> properties = Map.of();
  boolean closed;
  private CountDownLatch hold = new CountDownLatch(0);

  /** Every statement waits for the latch, as a hung engine would. */
  FakeSession hangUntil(CountDownLatch latch) {
    hold = latch;
    return this;
  }

  /** Statements containing {@code fragment} throw {@code failure}. */
  FakeSession reject(String fragment, RuntimeException failure) {
    rejections.put(fragment, failure);
    return this;
  }

  /**
   * When a statement containing {@code fragment} runs, these records are appended to their topics.
   */
  FakeSession emitOn(String fragment, TestRecord... records) {
    emissions.computeIfAbsent(fragment, f -> new ArrayList<>()).addAll(List.of(records));
    return this;
  }

  /** Records on their topics from the start. */
  FakeSession output(TestRecord... records) {
    for (TestRecord record : records) {
      topics.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
    }
    return this;
  }

  FakeSession source(String name, String type, String schema, String valueFormat, String topic) {
    sources.put(
        name, new SourceSummary(type, schema, "KAFKA", valueFormat, Optional.empty(), topic));
    return this;
  }

  @Override
  public void createTopics(TestCase test) {
    for (TestCase.TopicSpec topic : test.topics()) {
      createdTopics.put(topic.name(), topic.partitions() == null ? 1 : topic.partitions());
    }
  }

  /** Fakes define no variables: statements are read as they are. */
  @Override
  public String substitute(String statement) {
    return statement;
  }

  @Override
  public void execute(String statement) {
    executed.add(statement);
    try {
      hold.await();
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
    rejections.forEach(
        (fragment, failure) -> {
          if (statement.contains(fragment)) {
            throw failure;
          }
        });
    emissions.forEach(
        (fragment, records) -> {
          if (statement.contains(fragment)) {
            output(records.toArray(TestRecord[]::new));
          }
        });
  }

  @Override
  public void pipe(TestRecord input) {
    piped.add(input);
  }

  @Override
  public List<TestRecord> output(String topic) {
    return List.copyOf(topics.getOrDefault(topic, List.of()));
  }

  @Override
  public Optional<SourceSummary> source(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  @Override
  public List<String> topics() {
    List<String> all = new ArrayList<>(createdTopics.keySet());
    topics.keySet().stream().filter(t -> !all.contains(t)).forEach(all::add);
    return all;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** A record from JSON texts for key and value ({@code null} for a null key or tombstone). */
  static TestRecord record(String topic, String key, String value, Long timestamp) {
    return new TestRecord(topic, json(key), json(value), timestamp, null);
  }

  static JsonNode json(String text) {
    try {
      return text == null ? null : CaseFileRunner.JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
