package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.runtime.ProcessingGuarantee;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A persistent query's runtime settings, from the server's configuration and the statement's
 * session.
 */
class QuerySettingsTest {
  private static final String CSAS = "CREATE STREAM s AS SELECT * FROM t;";

  @Test
  void noSettingLeavesTheBackendsDefault() {
    assertEquals(QuerySettings.DEFAULTS, QuerySettings.of(Map.of(), Map.of(), CSAS));
  }

  @Test
  void theServersSettingAppliesUnlessTheSessionHasItsOwn() {
    Map<String, String> server = Map.of("ksql.streams.max.task.idle.ms", "500");
    assertEquals(idle(500), QuerySettings.of(server, Map.of(), CSAS));
    assertEquals(idle(20), QuerySettings.of(server, Map.of("max.task.idle.ms", "20"), CSAS));
    assertEquals(
        idle(30), QuerySettings.of(server, Map.of("ksql.streams.max.task.idle.ms", 30), CSAS));
  }

  @Test
  void minusOneNeverWaits() {
    Duration idle =
        QuerySettings.of(Map.of(), Map.of("max.task.idle.ms", "-1"), CSAS)
            .maxTaskIdle()
            .orElseThrow();
    assertEquals(true, idle.isNegative());
  }

  @Test
  void anInvalidValueFailsTheStatement() {
    EngineException e =
        assertThrows(
            EngineException.class,
            () -> QuerySettings.of(Map.of(), Map.of("ksql.streams.max.task.idle.ms", "1s"), CSAS));
    assertEquals(ErrorCode.BAD_STATEMENT, e.errorCode());
    assertEquals(
        "Invalid value '1s' for max.task.idle.ms: expected a number of milliseconds, or -1 to never wait",
        e.getMessage());
    assertEquals(CSAS, e.statementText());
  }

  @Test
  void theProcessingGuaranteeComesFromTheSessionElseTheServer() {
    Map<String, String> server = Map.of("ksql.streams.processing.guarantee", "at_least_once");
    assertEquals(
        Optional.of(ProcessingGuarantee.AT_LEAST_ONCE),
        QuerySettings.of(server, Map.of(), CSAS).guarantee());
    assertEquals(
        Optional.of(ProcessingGuarantee.EXACTLY_ONCE),
        QuerySettings.of(server, Map.of("processing.guarantee", "exactly_once_v2"), CSAS)
            .guarantee());
    assertEquals(
        Optional.of(ProcessingGuarantee.EXACTLY_ONCE),
        QuerySettings.of(
                Map.of(), Map.of("ksql.streams.processing.guarantee", "EXACTLY_ONCE"), CSAS)
            .guarantee());
    assertEquals(Optional.empty(), QuerySettings.of(Map.of(), Map.of(), CSAS).guarantee());
  }

  private static QuerySettings idle(long millis) {
    return new QuerySettings(Optional.of(Duration.ofMillis(millis)), Optional.empty());
  }
}
