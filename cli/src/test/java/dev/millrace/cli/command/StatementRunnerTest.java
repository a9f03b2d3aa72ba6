package dev.millrace.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.cli.FakeKsqlServer;
import dev.millrace.cli.FakeKsqlServer.QueryReply;
import dev.millrace.cli.client.MillraceClient;
import dev.millrace.cli.command.StatementRunner.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementRunnerTest {

  private static final String NO_STREAMS =
      "[{\"@type\":\"streams\",\"statementText\":\"SHOW STREAMS;\",\"streams\":[]}]";
  private static final String CREATED =
      """
      [{"@type":"currentStatus","commandId":"stream/S/create",
        "commandStatus":{"status":"SUCCESS","message":"Stream created"},"commandSequenceNumber":1}]""";
  private static final String BAD_STATEMENT =
      """
      {"@type":"statement_error","error_code":40001,"message":"line 1:6: Unknown token: STREEMS",
       "statementText":"SHOW STREEMS;","entities":[]}""";

  @TempDir Path dir;

  private FakeKsqlServer server;
  private final StringWriter screen = new StringWriter();
  private ShellOutput out;
  private StatementRunner runner;

  @BeforeEach
  void start() throws IOException {
    server = FakeKsqlServer.start();
    out = new ShellOutput(new PrintWriter(screen), () -> 100);
    runner = new StatementRunner(new MillraceClient(server.uri()), out, Interrupts.NONE);
  }

  @AfterEach
  void stop() {
    out.close();
    server.close();
  }

  @Test
  void runsEachStatementOfAScriptAndPrintsItsResult() {
    server
        .onKsql("SHOW STREAMS;", 200, NO_STREAMS)
        .onKsql("CREATE STREAM S (ID INT) WITH (KAFKA_TOPIC='s');", 200, CREATED);

    Outcome outcome =
        runner.runScript("SHOW STREAMS;\nCREATE STREAM S (ID INT) WITH (KAFKA_TOPIC='s');");

    assertEquals(Outcome.OK, outcome);
    assertEquals(
        """
        +-------------+-------------+------------+--------------+----------+
        | Stream Name | Kafka Topic | Key Format | Value Format | Windowed |
        +-------------+-------------+------------+--------------+----------+
        +----------------+
        | Message        |
        +----------------+
        | Stream created |
        +----------------+
        """,
        screen.toString());
  }

  @Test
  void stopsAtTheFirstErrorAndPrintsOnlyItsMessage() {
    server.onKsql("SHOW STREEMS;", 400, BAD_STATEMENT);

    Outcome outcome = runner.runScript("SHOW STREEMS; SHOW STREAMS;");

    assertEquals(Outcome.FAILED, outcome);
    assertEquals("line 1:6: Unknown token: STREEMS\n", screen.toString());
    assertEquals(1, server.bodies("/ksql").size(), "the statement after the error was not sent");
  }

  @Test
  void aLastStatementWithoutSemicolonStillRuns() {
    server.onKsql("SHOW STREAMS;", 200, NO_STREAMS);

    assertEquals(Outcome.OK, runner.runScript("SHOW STREAMS"));
    assertEquals("SHOW STREAMS;", server.bodies("/ksql").get(0).path("ksql").asText());
  }

  @Test
  void definedVariablesGoWithEveryRequestUntilUndefined() {
    server.onKsql("SHOW STREAMS;", 200, NO_STREAMS);

    Outcome outcome =
        runner.runScript(
            "DEFINE env = 'qa'; DEFINE topicName = '''topic_${ENV}'''; SHOW STREAMS;"
                + " UNDEFINE Env; SHOW STREAMS; UNDEFINE env;");

    assertEquals(Outcome.OK, outcome);
    List<JsonNode> sent = server.bodies("/ksql");
    assertEquals(
        "{\"env\":\"qa\",\"topicName\":\"'topic_qa'\"}",
        sent.get(0).path("sessionVariables").toString());
    assertEquals("{\"topicName\":\"'topic_qa'\"}", sent.get(1).path("sessionVariables").toString());
    assertEquals(
        "Variable 'env' was not defined.\n", screen.toString().replaceAll("(?s)^.*\\+\n", ""));
  }

  @Test
  void aDefineUsingAnUndefinedVariableFails() {
    assertEquals(Outcome.FAILED, runner.run("DEFINE topic = '${prefix}_orders';"));
    assertEquals(
        "Variable 'prefix' is not defined; define it first with DEFINE prefix = '...';\n",
        screen.toString());
  }

  @Test
  void showVariablesIsATableOfTheSessionsVariables() {
    server.onKsql(
        "SHOW VARIABLES;",
        200,
        """
        [{"@type":"variables","statementText":"SHOW VARIABLES;","variables":[
          {"name":"replicas","value":"3"},{"name":"topicName","value":"'my_topic'"}]}]""");

    runner.runScript("DEFINE replicas = '3'; SHOW VARIABLES;");

    assertEquals(
        "{\"replicas\":\"3\"}", server.bodies("/ksql").get(0).path("sessionVariables").toString());
    assertEquals(
        """
        +---------------+------------+
        | Variable Name | Value      |
        +---------------+------------+
        | replicas      | 3          |
        | topicName     | 'my_topic' |
        +---------------+------------+
        """,
        screen.toString());
  }

  @Test
  void sessionPropertiesGoWithEveryRequestUntilUnset() {
    server.onKsql("SHOW STREAMS;", 200, NO_STREAMS);

    runner.runScript(
        "SET 'auto.offset.reset' = 'earliest'; SHOW STREAMS; UNSET 'auto.offset.reset'; SHOW STREAMS;");

    List<JsonNode> sent = server.bodies("/ksql");
    assertEquals(
        "earliest", sent.get(0).path("streamsProperties").path("auto.offset.reset").asText());
    assertTrue(sent.get(1).path("streamsProperties").isEmpty());
    assertTrue(
        screen
            .toString()
            .startsWith("Property 'auto.offset.reset' set to 'earliest' for this session.\n"));
  }

  @Test
  void aSetOfAValueThePropertyCannotTakeFailsAndIsNotSent() {
    server.onKsql("SHOW STREAMS;", 200, NO_STREAMS);

    Outcome outcome = runner.runScript("SET 'auto.offset.reset' = 'zzz'; SHOW STREAMS;");

    assertEquals(Outcome.FAILED, outcome);
    assertEquals(
        "Invalid value 'zzz' for property 'auto.offset.reset': it must be one of earliest, latest, none.\n",
        screen.toString());
    assertTrue(server.bodies("/ksql").isEmpty(), "nothing was sent after the failed SET");
  }

  @Test
  void aSetOfAnUnknownSettingFailsInKsqlDbsWordsWithTheNearestName() {
    Outcome outcome = runner.runScript("SET 'ksql.streams.comit.interval.ms' = '100';");

    assertEquals(Outcome.FAILED, outcome);
    assertEquals(
        "Not recognizable as ksql, streams, consumer, or producer property:"
            + " 'ksql.streams.comit.interval.ms' (did you mean"
            + " 'ksql.streams.commit.interval.ms'?)\n",
        screen.toString());
  }

  @Test
  void runScriptRunsTheFilesStatements() throws IOException {
    server
        .onKsql("SHOW STREAMS;", 200, NO_STREAMS)
        .onKsql("CREATE STREAM S (ID INT)\n  WITH (KAFKA_TOPIC='s');", 200, CREATED);
    Path script = dir.resolve("setup.sql");
    Files.writeString(
        script, "-- set up\nSHOW STREAMS;\nCREATE STREAM S (ID INT)\n  WITH (KAFKA_TOPIC='s');\n");

    Outcome outcome = runner.run("RUN SCRIPT '" + script + "';");

    assertEquals(Outcome.OK, outcome);
    assertEquals(
        List.of("SHOW STREAMS;", "CREATE STREAM S (ID INT)\n  WITH (KAFKA_TOPIC='s');"),
        server.bodies("/ksql").stream().map(body -> body.path("ksql").asText()).toList());
  }

  @Test
  void missingScriptIsAnError() {
    assertEquals(Outcome.FAILED, runner.run("RUN SCRIPT '" + dir.resolve("nope.sql") + "';"));
    assertEquals(
        "Cannot read script " + dir.resolve("nope.sql") + ": no such file\n", screen.toString());
  }

  @Test
  void pullQueryPrintsItsRowsInABox() {
    server.onQuery(
        "SELECT * FROM T WHERE ID = 1;",
        new QueryReply(
            200,
            List.of(
                "{\"columnNames\":[\"ID\",\"NAME\"],\"columnTypes\":[\"INTEGER\",\"STRING\"]}",
                "[1,\"alice\"]"),
            false));

    assertEquals(Outcome.OK, runner.run("SELECT * FROM T WHERE ID = 1;"));

    assertEquals(
        """
        +-------------+--------------------------------------------------------------+
        | ID          | NAME                                                         |
        +-------------+--------------------------------------------------------------+
        | 1           | alice                                                        |
        +-------------+--------------------------------------------------------------+
        """,
        screen.toString());
  }

  @Test
  void ctrlCCancelsAPushQueryAndClosesItOnTheServer() {
    server.onQuery(
        "SELECT * FROM S EMIT CHANGES;",
        new QueryReply(
            200,
            List.of(
                "{\"queryId\":\"q-7\",\"columnNames\":[\"ID\"],\"columnTypes\":[\"INTEGER\"]}",
                "[1]",
                "[2]"),
            true));
    CtrlCAfter ctrlC = new CtrlCAfter("| 2 ");
    out = new ShellOutput(new PrintWriter(ctrlC), () -> 60);
    runner = new StatementRunner(new MillraceClient(server.uri()), out, ctrlC);

    Outcome outcome = runner.run("SELECT * FROM S EMIT CHANGES;");

    assertEquals(Outcome.OK, outcome);
    assertEquals(
        """
        +-------------+
        | ID          |
        +-------------+
        | 1           |
        | 2           |
        +-------------+
        Query terminated
        """,
        ctrlC.toString());
    assertEquals("q-7", server.bodies("/close-query").get(0).path("queryId").asText());
  }

  @Test
  void entitiesBeforeAFailingStatementArePrintedThenTheError() {
    server.onKsql(
        "SHOW STREAMS; DROP STREAM X;",
        400,
        """
        {"@type":"statement_error","error_code":40001,"message":"Stream X does not exist.",
         "entities":[{"@type":"currentStatus","commandStatus":{"status":"SUCCESS","message":"ok"}}]}""");

    assertEquals(Outcome.FAILED, runner.run("SHOW STREAMS; DROP STREAM X;"));
    assertTrue(
        screen.toString().endsWith("| ok      |\n+---------+\nStream X does not exist.\n"),
        screen.toString());
  }

  @Test
  void spoolCopiesOutputToAFileUntilOff() throws IOException {
    server.onKsql("SHOW STREAMS;", 200, NO_STREAMS);
    Path spool = dir.resolve("out.txt");

    runner.runScript("SPOOL '" + spool + "'; SHOW STREAMS; SPOOL OFF; SHOW STREAMS;");

    assertEquals(
        """
        +-------------+-------------+------------+--------------+----------+
        | Stream Name | Kafka Topic | Key Format | Value Format | Windowed |
        +-------------+-------------+------------+--------------+----------+
        """,
        Files.readString(spool));
  }

  @Test
  void exitEndsAScript() {
    assertEquals(Outcome.EXIT, runner.runScript("exit; SHOW STREAMS;"));
    assertTrue(server.bodies("/ksql").isEmpty());
  }

  @Test
  void unreachableServerIsOneLine() throws IOException {
    server.close();

    assertEquals(Outcome.FAILED, runner.run("SHOW STREAMS;"));
    assertEquals(
        "Could not reach the Millrace server at " + server.uri() + ": connection refused\n",
        screen.toString());
  }

  /**
   * A screen that presses Ctrl-C once it shows {@code trigger}, and the interrupt source it
   * presses.
   */
  private static final class CtrlCAfter extends StringWriter implements Interrupts {
    private final String trigger;
    private volatile Runnable action = () -> {};
    private boolean pressed;

    CtrlCAfter(String trigger) {
      this.trigger = trigger;
    }

    @Override
    public Registration onInterrupt(Runnable action) {
      this.action = action;
      return () -> this.action = () -> {};
    }

    @Override
    public void flush() {
      if (!pressed && toString().contains(trigger)) {
        pressed = true;
        action.run();
      }
    }
  }
}
