package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.runtime.ClientSettings;
import dev.millrace.engine.runtime.OffsetReset;
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

  @Test
  void theCommitIntervalAndRecordCacheComeFromTheSessionElseTheServer() {
    Map<String, String> server =
        Map.of(
            "ksql.streams.commit.interval.ms", "2000",
            "ksql.streams.cache.max.bytes.buffering", "10485760");
    QuerySettings fromServer = QuerySettings.of(server, Map.of(), CSAS);
    assertEquals(Optional.of(Duration.ofSeconds(2)), fromServer.commitInterval());
    assertEquals(Optional.of(10_485_760L), fromServer.recordCacheBytes());

    QuerySettings fromSession =
        QuerySettings.of(
            server, Map.of("commit.interval.ms", "50", "statestore.cache.max.bytes", 0), CSAS);
    assertEquals(Optional.of(Duration.ofMillis(50)), fromSession.commitInterval());
    assertEquals(Optional.of(0L), fromSession.recordCacheBytes());
  }

  @Test
  void clientSettingsGoToTheClientsThatHaveThem() {
    Map<String, String> server =
        Map.of("ksql.streams.producer.linger.ms", "50", "ksql.streams.max.poll.records", "200");
    Map<String, Object> session =
        Map.of(
            "producer.linger.ms", 20,
            "ksql.streams.consumer.fetch.min.bytes", "1024",
            "send.buffer.bytes", "65536",
            "auto.offset.reset", "latest",
            "ksql.streams.bootstrap.servers", "elsewhere:9092");

    ClientSettings clients = QuerySettings.of(server, session, CSAS).clients();

    assertEquals(Map.of("linger.ms", "20", "send.buffer.bytes", "65536"), clients.producer());
    assertEquals(
        Map.of("max.poll.records", "200", "fetch.min.bytes", "1024", "send.buffer.bytes", "65536"),
        clients.consumer());
  }

  @Test
  void whereAPersistentQueryStartsComesFromAutoOffsetReset() {
    Map<String, String> server = Map.of("ksql.streams.auto.offset.reset", "earliest");
    assertEquals(
        Optional.of(OffsetReset.EARLIEST), QuerySettings.of(server, Map.of(), CSAS).offsetReset());
    assertEquals(
        Optional.of(OffsetReset.LATEST),
        QuerySettings.of(server, Map.of("auto.offset.reset", "LATEST"), CSAS).offsetReset());
    EngineException none =
        assertThrows(
            EngineException.class,
            () -> QuerySettings.of(Map.of(), Map.of("auto.offset.reset", "none"), CSAS));
    assertEquals(
        "Invalid value 'none' for auto.offset.reset: a persistent query starts at the earliest or"
            + " the latest offset",
        none.getMessage());
  }

  private static QuerySettings idle(long millis) {
    return new QuerySettings(
        Optional.of(Duration.ofMillis(millis)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ClientSettings.NONE,
        Optional.empty());
  }
}
