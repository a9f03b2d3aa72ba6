package dev.millrace.engine.testing;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.operator.TopologyBuilder;
import dev.millrace.engine.operator.Window;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.types.LogicalSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test driver with the real topology builder and serdes, and rows written and read as column
 * arrays. Output records are rendered as text, {@code key [window] -> value @time}, so a test's
 * expectations read like the topic's content.
 */
final class Harness {
  final TestDriver driver = new TestDriver();
  private final TopologyBuilder builder = new TopologyBuilder(FunctionRegistry.builtIns());

  void start(String queryId, PlanStep plan) {
    driver.startQuery(queryId, builder.build(plan));
  }

  /** Restarts the query from {@code plan} over its stores, reading only records written later. */
  void replace(String queryId, PlanStep plan) {
    driver.replaceQuery(queryId, builder.build(plan));
  }

  void pipe(String topic, LogicalSchema stored, Object key, Object[] value, long timestamp) {
    pipe(topic, Plans.KAFKA_JSON, stored, key, value, timestamp);
  }

  void pipe(
      String topic,
      Formats formats,
      LogicalSchema stored,
      Object key,
      Object[] value,
      long timestamp) {
    byte[] keyBytes =
        SerdeFactory.keySerde(formats.key(), stored.key(), formats.keyWindow())
            .serialize(new Object[] {key}, null);
    byte[] valueBytes =
        value == null
            ? null
            : SerdeFactory.valueSerde(formats.value(), stored.value()).serialize(value);
    driver.pipeInput(topic, keyBytes, valueBytes, timestamp);
  }

  /** A record of a windowed topic: its key bytes end with the window, as {@code formats} say. */
  void pipe(
      String topic,
      Formats formats,
      LogicalSchema stored,
      Object key,
      Window window,
      Object[] value,
      long timestamp) {
    byte[] keyBytes =
        SerdeFactory.keySerde(formats.key(), stored.key(), formats.keyWindow())
            .serialize(new Object[] {key}, window);
    byte[] valueBytes = SerdeFactory.valueSerde(formats.value(), stored.value()).serialize(value);
    driver.pipeInput(topic, keyBytes, valueBytes, timestamp);
  }

  List<String> read(String topic, LogicalSchema schema) {
    return read(topic, Plans.KAFKA_JSON, schema);
  }

  List<String> read(String topic, Formats formats, LogicalSchema schema) {
    KeySerde keys = SerdeFactory.keySerde(formats.key(), schema.key(), formats.keyWindow());
    var values = SerdeFactory.valueSerde(formats.value(), schema.value());
    List<String> rows = new ArrayList<>();
    for (TestRecord record : driver.records(topic)) {
      KeySerde.DecodedKey key = keys.deserialize(record.key());
      String window =
          key.window() == null ? "" : " [" + key.window().start() + "," + key.window().end() + ")";
      Object[] value = values.deserialize(record.value());
      rows.add(
          Arrays.toString(key.columns())
              + window
              + " -> "
              + (value == null ? "null" : Arrays.toString(value))
              + " @"
              + record.timestamp());
    }
    return rows;
  }

  List<String> errors() {
    return driver.processingLog().stream().map(e -> e.queryId() + ": " + e.error()).toList();
  }
}
