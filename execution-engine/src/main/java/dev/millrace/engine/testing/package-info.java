/**
 * The in-memory test driver: {@link dev.millrace.engine.testing.TestDriver} runs the same
 * topologies and operators as the Kafka runtime over in-memory topics and stores, record by record
 * and deterministically, as ksqlDB's query-validation tests expect.
 */
package dev.millrace.engine.testing;
