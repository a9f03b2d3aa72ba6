package dev.millrace.server.service;

import java.util.Map;
import java.util.Optional;

/**
 * Where accepted DDL and persistent-query statements are recorded so a restarted server rebuilds
 * the same catalog and queries: the Kafka command log for the server, nowhere for offline tests.
 */
public interface CommandSink {

  /**
   * Records the statement with the properties it ran with and, for a persistent query, what it was
   * planned as; returns its sequence number.
   */
  long append(String statement, Map<String, String> properties, Optional<StoredQuery> query);

  /** Records a statement that is not a persistent query. */
  default long append(String statement, Map<String, String> properties) {
    return append(statement, properties, Optional.empty());
  }

  /** A sink that keeps nothing (offline tests, and replay, which must not log twice). */
  CommandSink NONE =
      new CommandSink() {
        private long sequence;

        @Override
        public synchronized long append(
            String statement, Map<String, String> properties, Optional<StoredQuery> query) {
          return sequence++;
        }
      };
}
