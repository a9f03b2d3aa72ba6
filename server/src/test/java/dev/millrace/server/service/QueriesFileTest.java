package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.server.offline.InMemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queries file runs in one session, in order; a failure names the file and where in it. */
class QueriesFileTest {
  @TempDir Path dir;
  private StatementEngine engine;

  @BeforeEach
  void start() {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    engine =
        new StatementEngine(
            new InMemoryBackend(functions), CommandSink.NONE, functions, Map.of(), true);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void runsEveryStatementWithTheVariablesDefinedBeforeIt() throws Exception {
    Path file =
        write(
            """
            -- orders and the big ones
            DEFINE topic = 'orders';
            CREATE STREAM orders (id INT KEY, amount INT)
              WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1);
            CREATE STREAM big AS SELECT id, amount FROM orders WHERE amount > 100;
            """);

    assertEquals(3, QueriesFile.run(engine, file));
    assertEquals("orders", engine.catalogSnapshot().source("ORDERS").orElseThrow().topic());
    assertEquals(1, engine.queries().size());
  }

  @Test
  void aFailingStatementStopsTheRunNamingTheFileAndLine() throws Exception {
    Path file =
        write(
            """
            CREATE STREAM orders (id INT KEY, amount INT)
              WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
            SELECT * FROM orders EMIT CHANGES;
            """);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> QueriesFile.run(engine, file));
    assertEquals(
        "ksql.queries.file "
            + file
            + ": line 3:1: a queries file holds statements that run unattended; a SELECT has no"
            + " one to answer",
        e.getMessage());
  }

  @Test
  void aSyntaxErrorNamesTheFile() throws Exception {
    Path file = write("CREATE STREAM;\n");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> QueriesFile.run(engine, file));
    assertEquals(
        "ksql.queries.file " + file + ": " + parseError("CREATE STREAM;\n"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("missing.sql");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> QueriesFile.run(engine, missing));
    assertEquals("cannot read ksql.queries.file " + missing + ": " + missing, e.getMessage());
  }

  private String parseError(String sql) {
    return assertThrows(EngineException.class, () -> engine.parse(sql)).getMessage();
  }

  private Path write(String sql) throws Exception {
    Path file = dir.resolve("queries.sql");
    Files.writeString(file, sql);
    return file;
  }
}
