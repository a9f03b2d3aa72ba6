package dev.millrace.server.service;

import java.util.Map;

/**
 * The MILLRACE_PROCESSING_LOG stream: every record a query skipped (undecodable, or failing to
 * evaluate), with its query, topic, partition and offset, readable with SQL. The runtime writes the
 * topic; this declares it in the catalog at start-up (not through the command log, so every server
 * declares it the same way).
 */
public final class ProcessingLogStream {
  public static final String NAME = "MILLRACE_PROCESSING_LOG";

  private ProcessingLogStream() {}

  /** The processing-log topic of a service. */
  public static String topic(String serviceId) {
    return "_millrace-" + serviceId + "-processing_log";
  }

  /** Declares the stream and creates its topic when missing. */
  public static void register(StatementEngine engine, String serviceId) {
    String statement =
        "CREATE STREAM IF NOT EXISTS "
            + NAME
            + " (QUERY_ID STRING, ERROR_TYPE STRING, "
            + "SOURCE_TOPIC STRING, SOURCE_PARTITION INT, SOURCE_OFFSET BIGINT, MESSAGE STRING) WITH (KAFKA_TOPIC='"
            + topic(serviceId)
            + "', VALUE_FORMAT='JSON', PARTITIONS=1);";
    Session session = Session.of(Map.of(), Map.of());
    engine.parse(statement).forEach(parsed -> engine.executeUnlogged(parsed, session));
  }
}
