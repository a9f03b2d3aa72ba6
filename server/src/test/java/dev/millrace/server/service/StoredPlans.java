package dev.millrace.server.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Command-log entries whose stored plans are not what the server stored: edited by the test. */
final class StoredPlans {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredPlans() {}

  /** The command, a persistent query's, with its stored plan's JSON text edited. */
  static LoggedCommand edited(LoggedCommand command, UnaryOperator<String> edit) throws Exception {
    StoredQuery stored = command.query().orElseThrow();
    StoredQuery edited =
        new StoredQuery(
            stored.queryId(),
            stored.sink(),
            stored.sinkChange(),
            stored.createTopic(),
            stored.sourceTopics(),
            stored.links(),
            stored.explain(),
            JSON.readTree(edit.apply(stored.plan().toString())));
    return new LoggedCommand(
        command.offset(),
        command.sequence(),
        command.statement(),
        command.properties(),
        Optional.of(edited));
  }

  /** The command, a CREATE STREAM / TABLE, as versions that did not store sources logged it. */
  static LoggedCommand withoutSource(LoggedCommand command) {
    return new LoggedCommand(
        command.offset(), command.sequence(), command.statement(), command.properties());
  }

  /** The command as versions that did not store plans logged it. */
  static LoggedCommand withoutPlan(LoggedCommand command) {
    return new LoggedCommand(
        command.offset(), command.sequence(), command.statement(), command.properties());
  }
}
