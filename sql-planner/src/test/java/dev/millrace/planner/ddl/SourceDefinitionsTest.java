package dev.millrace.planner.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.CreateSource;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.CatalogChange;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SourceDefinitionsTest {
  private final SqlParser parser = new SqlParser();

  private SourceDefinition plan(String sql, Catalog catalog, Map<String, ?> session) {
    return SourceDefinitions.plan((CreateSource) parser.parseStatement(sql), sql, catalog, session);
  }

  private SourceDefinition plan(String sql) {
    return plan(sql, Catalog.empty(), Map.of());
  }

  @Test
  void aStreamKeepsItsKeyAndValueColumnsTopicAndFormats() {
    SourceDefinition planned = plan("CREATE STREAM pageviews (user_id STRING KEY, page STRING, ms INT) "
        + "WITH (KAFKA_TOPIC='views', VALUE_FORMAT='json', PARTITIONS=3)");

    assertEquals("PAGEVIEWS", planned.source().name());
    assertEquals("`USER_ID` STRING KEY, `PAGE` STRING, `MS` INTEGER", planned.source().schema().toSql());
    assertEquals("views", planned.source().topic());
    assertEquals("KAFKA", planned.source().formats().key().format());
    assertEquals("JSON", planned.source().formats().value().format());
    assertEquals(3, planned.topic().orElseThrow().partitions());
    assertFalse(planned.source().isTable());
  }

  @Test
  void theDefaultValueFormatComesFromTheSession() {
    SourceDefinition planned = plan("CREATE TABLE t (id BIGINT PRIMARY KEY, v DOUBLE) WITH (KAFKA_TOPIC='t')",
        Catalog.empty(), Map.of(FormatResolver.DEFAULT_VALUE_FORMAT, "delimited"));

    assertEquals("DELIMITED", planned.source().formats().value().format());
    assertTrue(planned.source().isTable());
    assertTrue(planned.topic().isEmpty());
  }

  @Test
  void aStreamWithoutKeyColumnsHasNoKeyFormat() {
    assertEquals("NONE", plan("CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON')")
        .source().formats().key().format());
  }

  @Test
  void aTimestampColumnIsChecked() {
    SourceDefinition planned = plan("CREATE STREAM s (ts BIGINT, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', TIMESTAMP='ts')");
    assertEquals("TS", planned.source().timestamp().orElseThrow().column());
  }

  @Test
  void ifNotExistsLeavesAnExistingSourceAlone() {
    SourceDefinition first = plan("CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON')");
    Catalog catalog = Catalog.empty().apply(new CatalogChange.AddSource(first.source(), false));

    SourceDefinition again = plan("CREATE STREAM IF NOT EXISTS s (w STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON')",
        catalog, Map.of());

    assertTrue(again.existing());
    assertEquals(SqlType.INTEGER, again.source().schema().value().get(0).type());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CREATE TABLE t (id INT, v INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')"
          + "|line 1:1: Tables require a PRIMARY KEY. Please define the PRIMARY KEY.",
      "CREATE TABLE t (id INT KEY, v INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON')"
          + "|line 1:17: Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.",
      "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s')"
          + "|line 1:1: Statement is missing the 'VALUE_FORMAT' property from the WITH clause.",
      "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', FORMAT='JSON')"
          + "|line 1:69: Cannot supply both 'FORMAT' and 'VALUE_FORMAT' properties",
      "CREATE STREAM s (rowtime BIGINT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON')"
          + "|line 1:18: 'ROWTIME' is a reserved column name.",
      "CREATE STREAM s (v INT, v STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON')"
          + "|line 1:25: Duplicate column names: V",
      "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', TIMESTAMP='nope')"
          + "|line 1:69: The TIMESTAMP column set in the WITH clause does not exist in the schema: 'NOPE'",
      "CREATE STREAM s (a INT, b INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='KAFKA')"
          + "|line 1:55: The 'KAFKA' format only supports a single field. Got: 2 value columns",
      "CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONZ=2)"
          + "|line 1:69: Invalid config variable(s) in the WITH clause: PARTITIONZ",
  })
  void mistakesAreReportedWhereTheyAre(String sql, String expectedStart) {
    PlanningException error = assertThrows(PlanningException.class, () -> plan(sql));
    assertTrue(error.getMessage().startsWith(expectedStart), () -> "got: " + error.getMessage());
  }
}
