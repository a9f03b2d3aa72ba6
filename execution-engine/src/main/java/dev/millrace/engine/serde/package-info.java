/**
 * Record formats: {@link dev.millrace.engine.serde.SerdeFormat} says what each format can do and
 * {@link dev.millrace.engine.serde.SerdeFactory} makes the key and value serdes of KAFKA, JSON,
 * DELIMITED, PROTOBUF_NOSR, NONE, AVRO and JSON_SR for a list of columns, windowed keys in Kafka
 * Streams' layout. Serdes are made once per query and are thread-safe.
 */
package dev.millrace.engine.serde;
