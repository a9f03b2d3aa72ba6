package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.api.CommandStatusEntity;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.api.ServerInfo;
import dev.millrace.server.api.VariablesList;
import dev.millrace.server.offline.InMemoryBackend;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Variables as a {@code /ksql} request has them: the request's {@code sessionVariables}, and DEFINE
 * and UNDEFINE statements earlier in the same request, substituted for {@code ${name}} anywhere in
 * a statement; an undefined one is an error that says where.
 */
class SessionVariablesTest {
  private final FunctionRegistry functions = FunctionRegistry.builtIns();
  private final StatementEngine engine =
      new StatementEngine(
          new InMemoryBackend(functions), CommandSink.NONE, functions, Map.of(), true);
  private final MillraceEngine rest =
      new MillraceEngine(
          engine,
          new ServerInfo("0", "cluster", "service", "RUNNING"),
          () -> true,
          List.of(),
          false);

  @AfterEach
  void stop() {
    engine.close();
  }

  private List<KsqlEntity> request(String sql, Map<String, Object> variables) {
    return rest.execute(new StatementRequest(sql, Map.of(), variables, OptionalLong.empty()));
  }

  @Test
  void requestVariablesAndEarlierDefinesAreSubstitutedInNamesAndStrings() {
    request(
        "DEFINE name = 'orders';\n"
            + "CREATE STREAM ${name} (id INT KEY, v STRING)\n"
            + "  WITH (kafka_topic='${topic}', value_format='${FORMAT}', partitions=${n});",
        Map.of("topic", "raw_orders", "format", "JSON", "N", 2));

    assertEquals("raw_orders", engine.catalogSnapshot().source("ORDERS").orElseThrow().topic());
  }

  @Test
  void showVariablesListsTheRequestsVariablesAsDefinesLeaveThem() {
    List<KsqlEntity> done =
        request(
            "DEFINE replicas = '3'; DEFINE topicName = '''my_${suffix}'''; UNDEFINE SUFFIX;"
                + " SHOW VARIABLES;",
            Map.of("suffix", "topic"));

    assertEquals(
        List.of(
            new VariablesList.Variable("replicas", "3"),
            new VariablesList.Variable("topicName", "'my_topic'")),
        assertInstanceOf(VariablesList.class, done.get(3)).variables());
    assertEquals(
        "Variable 'SUFFIX' undefined",
        assertInstanceOf(CommandStatusEntity.class, done.get(2)).commandStatus().message());
  }

  @Test
  void anUndefinedVariableIsAnErrorAtItsPositionAndNothingRuns() {
    EngineException undefined =
        assertThrows(
            EngineException.class,
            () ->
                request(
                    "CREATE STREAM a (id INT KEY) WITH (kafka_topic='a', value_format='JSON');\n"
                        + "UNDEFINE topic;\n"
                        + "CREATE STREAM b (id INT KEY) WITH (kafka_topic='${topic}', value_format='JSON');",
                    Map.of("topic", "b")));

    assertEquals(
        "line 3:49: Variable 'topic' is not defined; define it first with DEFINE topic = '...';",
        undefined.getMessage());
    assertEquals(ErrorCode.BAD_STATEMENT, undefined.errorCode());
    assertEquals(List.of(), List.copyOf(engine.catalogSnapshot().sources()));
  }

  @Test
  void anEscapedReferenceStaysAsItIs() {
    List<KsqlEntity> done = request("DEFINE template = 'topic_$${env}'; SHOW VARIABLES;", Map.of());

    assertEquals(
        List.of(new VariablesList.Variable("template", "topic_${env}")),
        assertInstanceOf(VariablesList.class, done.get(1)).variables());
  }
}
