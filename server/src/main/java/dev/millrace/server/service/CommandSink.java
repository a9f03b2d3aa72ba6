package dev.millrace.server.service;

import java.util.Map;
import java.util.Optional;

/**
 * Where accepted DDL and persistent-query statements are recorded so a restarted server rebuilds
 * the same catalog and queries: the Kafka command log for the server, nowhere for offline tests.
 */
public interface CommandSink {

  /**
   * Records the statement with the properties it ran with and what it was planned as: a persistent
   * query's plan, or the source a CREATE STREAM / CREATE TABLE adds (at most one of them); returns
   * its sequence number.
   */
  long append(
      String statement,
      Map<String, String> properties,
      Optional<StoredQuery> query,
      Optional<StoredSource> source);

  /** Records a statement that adds no source, with its plan if it is a persistent query. */
  default long append(
      String statement, Map<String, String> properties, Optional<StoredQuery> query) {
    return append(statement, properties, query, Optional.empty());
  }

  /** Records a statement that is not a persistent query and adds no source. */
  default long append(String statement, Map<String, String> properties) {
    return append(statement, properties, Optional.empty(), Optional.empty());
  }

  /** A sink that keeps nothing (offline tests, and replay, which must not log twice). */
  CommandSink NONE =
      new CommandSink() {
        private long sequence;

        @Override
        public synchronized long append(
            String statement,
            Map<String, String> properties,
            Optional<StoredQuery> query,
            Optional<StoredSource> source) {
          return sequence++;
        }
      };
}
