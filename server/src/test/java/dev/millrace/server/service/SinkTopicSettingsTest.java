package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ksqlDB's settings for the topic a CREATE ... AS SELECT creates: {@code
 * ksql.output.topic.name.prefix} before its default name, {@code ksql.sink.partitions} for its
 * partition count when the statement gives none; from the session or the server.
 */
class SinkTopicSettingsTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIns();
  private static final String SOURCE =
      "CREATE STREAM src (id STRING KEY, v INT) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON',"
          + " PARTITIONS=2);";

  private final InMemoryBackend backend = new InMemoryBackend(FUNCTIONS);

  private void run(Map<String, String> server, Map<String, Object> session, String sql) {
    StatementEngine engine =
        new StatementEngine(backend, CommandSink.NONE, FUNCTIONS, server, true);
    Session properties = Session.of(new HashMap<>(session), Map.of());
    for (ParsedStatement statement : engine.parse(sql)) {
      engine.execute(statement, properties);
    }
  }

  @Test
  void withoutThemTheTopicIsNamedAfterTheResultAndSizedLikeItsInput() {
    run(Map.of(), Map.of(), SOURCE + "CREATE STREAM out AS SELECT * FROM src;");

    assertEquals(2, backend.partitions("OUT"));
  }

  @Test
  void theSessionsPrefixAndPartitionCountShapeTheCreatedTopic() {
    run(
        Map.of(),
        Map.of("ksql.output.topic.name.prefix", "pre-", "ksql.sink.partitions", "3"),
        SOURCE + "CREATE STREAM out AS SELECT * FROM src;");

    assertFalse(backend.topicExists("OUT"));
    assertEquals(3, backend.partitions("pre-OUT"));
  }

  @Test
  void theServersSettingsApplyAndTheStatementsOwnWin() {
    run(
        Map.of("ksql.output.topic.name.prefix", "pre-", "ksql.sink.partitions", "3"),
        Map.of(),
        SOURCE
            + "CREATE STREAM out AS SELECT * FROM src;"
            + "CREATE STREAM named WITH (KAFKA_TOPIC='mine', PARTITIONS=1) AS SELECT * FROM src;");

    assertEquals(3, backend.partitions("pre-OUT"));
    assertEquals(1, backend.partitions("mine"));
  }
}
