package dev.millrace.cli.testing;

import static dev.millrace.cli.testing.FakeSession.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerFilesTest {
  @TempDir Path dir;

  @Test
  void threeFilesMakeOneCaseNamedAfterTheStatements() throws Exception {
    Path sql =
        write(
            "statements.sql",
            """
        -- orders and their sizes
        CREATE STREAM orders (id INT KEY, units DOUBLE) WITH (kafka_topic='orders', value_format='JSON');
        CREATE STREAM sized AS SELECT id, CASE WHEN units < 2.0 THEN 'small' ELSE 'large' END AS size FROM orders;
        """);
    Path in =
        write(
            "input.json",
            """
        {"inputs": [
          {"topic": "orders", "timestamp": 5, "key": 1, "value": {"UNITS": 1.5}},
          {"topic": "orders", "key": 2, "value": {"UNITS": 3.0}, "window": {"start": 0, "end": 10, "type": "session"}}
        ]}
        """);
    Path out =
        write(
            "output.json",
            """
        {"outputs": [{"topic": "SIZED", "timestamp": 5, "key": 1, "value": {"SIZE": "small"}}]}
        """);

    TestCase test = new RunnerFiles(sql, Optional.of(in), out).toTestCase();

    assertEquals("statements.sql", test.name());
    assertEquals(
        List.of(
            "CREATE STREAM orders (id INT KEY, units DOUBLE) WITH (kafka_topic='orders', value_format='JSON')",
            "CREATE STREAM sized AS SELECT id, CASE WHEN units < 2.0 THEN 'small' ELSE 'large' END AS size FROM orders"),
        test.statements());
    assertEquals(
        List.of(
            new TestRecord("orders", json("1"), json("{\"UNITS\": 1.5}"), 5L, null),
            new TestRecord(
                "orders",
                json("2"),
                json("{\"UNITS\": 3.0}"),
                null,
                new TestRecord.WindowSpec(0, 10, "session"))),
        test.inputs());
    assertEquals(
        List.of(new TestRecord("SIZED", json("1"), json("{\"SIZE\": \"small\"}"), 5L, null)),
        test.outputs());
    assertEquals(List.of(), test.requires());
  }

  @Test
  void statementsAreCutNotParsedSoTheEngineReportsSyntaxErrorsLikeAnyOther() throws Exception {
    Path sql = write("s.sql", "CREATE STREEM a; -- typo\nSELECT ';' FROM b");
    Path out = write("o.json", "{\"outputs\": []}");

    assertEquals(
        List.of("CREATE STREEM a", "SELECT ';' FROM b"),
        new RunnerFiles(sql, Optional.empty(), out).toTestCase().statements());
  }

  @Test
  void theInputFileIsOptional() throws Exception {
    Path sql =
        write(
            "s.sql",
            "CREATE STREAM a (v INT) WITH (kafka_topic='a', value_format='JSON'); INSERT INTO a (v) VALUES (1);");
    Path out = write("o.json", "{\"outputs\": []}");

    TestCase test = new RunnerFiles(sql, Optional.empty(), out).toTestCase();

    assertEquals(2, test.statements().size());
    assertEquals(List.of(), test.inputs());
  }

  @Test
  void unusableFilesSayWhichAndWhy() throws Exception {
    Path sql =
        write("s.sql", "CREATE STREAM a (v INT) WITH (kafka_topic='a', value_format='JSON');");
    Path out = write("o.json", "{\"outputs\": []}");
    Path notJson = write("n.json", "{\"outputs\": [");
    Path noArray = write("x.json", "{\"records\": []}");
    Path noTopic = write("t.json", "{\"outputs\": [{\"key\": 1, \"value\": 2}]}");

    assertEquals(
        noArray + ": expected {\"outputs\": [records]}",
        message(new RunnerFiles(sql, Optional.empty(), noArray)));
    assertEquals(
        noArray + ": expected {\"inputs\": [records]}",
        message(new RunnerFiles(sql, Optional.of(noArray), out)));
    assertEquals(
        noTopic + ": outputs[0] has no \"topic\"",
        message(new RunnerFiles(sql, Optional.empty(), noTopic)));
    assertEquals(
        notJson + ": not valid JSON: ",
        message(new RunnerFiles(sql, Optional.empty(), notJson))
            .substring(0, (notJson + ": not valid JSON: ").length()));
  }

  private String message(RunnerFiles files) {
    return assertThrows(TestInputException.class, files::toTestCase).getMessage();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
