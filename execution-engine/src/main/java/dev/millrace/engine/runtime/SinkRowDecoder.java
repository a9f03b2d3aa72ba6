package dev.millrace.engine.runtime;

import dev.millrace.engine.operator.OutputRecord;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.serde.KeySerde;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.engine.types.LogicalSchema;

/**
 * Turns what a transient query's sink writes back into rows, with the sink's own serdes: the sink
 * operator is the same as for persistent queries, so the row the listener sees is exactly what a
 * topic would have held.
 */
final class SinkRowDecoder {
  private final String topic;
  private final KeySerde keySerde;
  private final ValueSerde valueSerde;

  private SinkRowDecoder(String topic, Formats formats, LogicalSchema schema) {
    this.topic = topic;
    this.keySerde = SerdeFactory.keySerde(formats.key(), schema.key(), formats.keyWindow());
    this.valueSerde = SerdeFactory.valueSerde(formats.value(), schema.value());
  }

  /** The decoder for the plan's root, which must be a sink. */
  static SinkRowDecoder forSink(PlanStep root) {
    if (root instanceof PlanStep.StreamSink sink) {
      return new SinkRowDecoder(sink.topic(), sink.formats(), sink.schema());
    } else if (root instanceof PlanStep.TableSink sink) {
      return new SinkRowDecoder(sink.topic(), sink.formats(), sink.schema());
    }
    throw new IllegalArgumentException(
        "a transient query's plan ends in a sink, not " + root.getClass().getSimpleName());
  }

  /** The topic name the sink writes to (never created in Kafka). */
  String topic() {
    return topic;
  }

  Row decode(OutputRecord record) {
    KeySerde.DecodedKey key = keySerde.deserialize(record.key());
    Object[] value = record.value() == null ? null : valueSerde.deserialize(record.value());
    return new Row(key.columns(), value, record.timestamp(), key.window());
  }
}
