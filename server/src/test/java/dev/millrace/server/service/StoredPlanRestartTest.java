package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.offline.InMemoryBackend;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server restarted on the real broker from a command log written as servers of other versions
 * would have written it: a query whose stored plan differs from what its statement is planned as
 * today runs the stored plan; a query whose stored plan cannot be read is in ERROR while the others
 * run; a query logged without a plan, and a stream logged without its source, are planned again.
 */
class StoredPlanRestartTest {

  @RegisterExtension static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @Test
  void aRestartedServerRunsEachQueryAsItsLogEntrySays() throws Exception {
    List<LoggedCommand> accepted =
        acceptedOffline(
            "CREATE STREAM names (id STRING KEY, name STRING) "
                + "WITH (KAFKA_TOPIC='names', VALUE_FORMAT='JSON', PARTITIONS=1);"
                + "CREATE STREAM shouted AS SELECT id, UCASE(name) AS name FROM names;"
                + "CREATE STREAM broken AS SELECT id, UCASE(name) AS name FROM names;"
                + "CREATE STREAM copied AS SELECT * FROM names;");
    try (CommandLog log = CommandLog.open(kafka.bootstrapServers(), "restored")) {
      // As versions that did not store sources logged it: planned again.
      append(log, StoredPlans.withoutSource(accepted.get(0)));
      // Planned otherwise by the version that stored it: LCASE where today's planner says UCASE.
      append(log, StoredPlans.edited(accepted.get(1), p -> p.replace("\"UCASE\"", "\"LCASE\"")));
      append(
          log,
          StoredPlans.edited(
              accepted.get(2), p -> p.replace("\"streamSelectV1\"", "\"streamSelectV9\"")));
      append(log, StoredPlans.withoutPlan(accepted.get(3)));
    }

    try (EngineOnKafka restarted = start("restored")) {
      restarted.run("INSERT INTO names (id, name) VALUES ('1', 'Alice');");

      assertEquals(
          List.of("{\"NAME\":\"alice\"}"),
          restarted.output().awaitValues("SHOUTED", values -> !values.isEmpty()));
      assertEquals(
          List.of("{\"NAME\":\"Alice\"}"),
          restarted.output().awaitValues("COPIED", values -> !values.isEmpty()));
      assertEquals(
          Map.of("CSAS_SHOUTED_0", "RUNNING", "CSAS_BROKEN_1", "ERROR", "CSAS_COPIED_2", "RUNNING"),
          restarted.queryStates());
      assertEquals(
          "the stored plan has a step of unknown type 'streamSelectV9'",
          restarted.engine().queries().get("CSAS_BROKEN_1").error().orElseThrow().message());
      assertEquals(List.of(), restarted.output().values("BROKEN"));
    }
  }

  private static EngineOnKafka start(String serviceId) {
    return kafka.server(serviceId, "0", Duration.ofSeconds(10));
  }

  /** The command log of the statements, as a server accepting them writes it. */
  private static List<LoggedCommand> acceptedOffline(String sql) {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    RecordingCommandLog log = new RecordingCommandLog();
    try (StatementEngine engine =
        new StatementEngine(new InMemoryBackend(functions), log, functions, Map.of(), true)) {
      Session session = Session.of(new HashMap<>(), Map.of());
      engine.parse(sql).forEach(statement -> engine.execute(statement, session));
    }
    return log.logged;
  }

  private static void append(CommandLog log, LoggedCommand command) {
    log.append(command.statement(), command.properties(), command.query(), command.source());
  }
}
