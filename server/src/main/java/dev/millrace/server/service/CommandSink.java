package dev.millrace.server.service;

import java.util.Map;

/**
 * Where accepted DDL and persistent-query statements are recorded so a restarted server rebuilds
 * the same catalog and queries: the Kafka command log for the server, nowhere for offline tests.
 */
public interface CommandSink {

  /** Records the statement with the properties it ran with; returns its sequence number. */
  long append(String statement, Map<String, String> properties);

  /** A sink that keeps nothing (offline tests, and replay, which must not log twice). */
  CommandSink NONE =
      new CommandSink() {
        private long sequence;

        @Override
        public synchronized long append(String statement, Map<String, String> properties) {
          return sequence++;
        }
      };
}
