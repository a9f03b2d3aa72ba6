package dev.millrace.engine.operator;

/**
 * A record an operator writes to a topic. The partition is the runtime's choice (Kafka's default
 * partitioner on the key bytes), so records with equal keys meet in one partition.
 */
public record OutputRecord(String topic, byte[] key, byte[] value, long timestamp) {}
