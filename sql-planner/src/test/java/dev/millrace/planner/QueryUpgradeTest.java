package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.catalog.CatalogChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CREATE OR REPLACE ... AS SELECT as ksqlDB upgrades a query in place: what may change (filters,
 * projections, value columns added at the end) and the rule each refused change breaks.
 */
class QueryUpgradeTest {
  private static final String SOURCES =
      "CREATE STREAM orders (id INT KEY, item STRING, qty INT, price DOUBLE) "
          + "WITH (kafka_topic='orders', value_format='JSON');"
          + "CREATE STREAM returns (id INT KEY, item STRING, qty INT, price DOUBLE) "
          + "WITH (kafka_topic='returns', value_format='JSON');"
          + "CREATE TABLE items (item STRING PRIMARY KEY, name STRING) "
          + "WITH (kafka_topic='items', value_format='JSON');";

  private final TestSession session = new TestSession().run(SOURCES);

  /** Runs {@code first}, then plans {@code replacement} and checks it against it. */
  private PlannedStatement.PersistentQuery upgrade(String first, String replacement) {
    PlannedStatement.PersistentQuery running =
        assertInstanceOf(PlannedStatement.PersistentQuery.class, session.plan(first));
    session.run(first);
    PlannedStatement.PersistentQuery next =
        assertInstanceOf(PlannedStatement.PersistentQuery.class, session.plan(replacement));
    QueryUpgrade.check(running.plan(), next.plan(), next.queryId(), new NodeLocation(1, 1));
    return next;
  }

  private String refusal(String first, String replacement) {
    return assertThrows(PlanningException.class, () -> upgrade(first, replacement)).getMessage();
  }

  @Test
  void aChangedFilterReplacesTheQueryUnderItsOwnId() {
    PlannedStatement.PersistentQuery next =
        upgrade(
            "CREATE STREAM big AS SELECT * FROM orders WHERE qty > 10;",
            "CREATE OR REPLACE STREAM big AS SELECT * FROM orders WHERE qty > 5 AND price > 1.0;");

    assertEquals("CSAS_BIG_3", next.queryId());
    assertTrue(next.replacesSink());
    assertEquals(new CatalogChange.AddSource(next.sink(), true), next.sinkChange().orElseThrow());
  }

  @Test
  void aFilterMayBeAddedOrRemovedAndColumnsAddedAtTheEnd() {
    upgrade(
        "CREATE STREAM sized AS SELECT id, item FROM orders;",
        "CREATE OR REPLACE STREAM sized AS SELECT id, item, qty * price AS total FROM orders "
            + "WHERE qty > 0;");
    PlannedStatement.PersistentQuery again =
        assertInstanceOf(
            PlannedStatement.PersistentQuery.class,
            session.plan(
                "CREATE OR REPLACE STREAM sized AS SELECT id, UCASE(item) AS item FROM orders;"));

    assertEquals(List.of(new Column("ITEM", SqlType.STRING)), again.sink().schema().value());
  }

  @Test
  void theFilterInFrontOfAnAggregationMayChangeOverTheColumnsItReads() {
    upgrade(
        "CREATE TABLE sold AS SELECT item, SUM(qty) AS n FROM orders WHERE qty > 0 GROUP BY item;",
        "CREATE OR REPLACE TABLE sold AS SELECT item, SUM(qty) AS n FROM orders "
            + "WHERE qty > 1 GROUP BY item HAVING SUM(qty) > 2;");
  }

  @Test
  void aQueryWhoseSinkWasTerminatedStartsAsANewQuery() {
    session.run("CREATE STREAM copy AS SELECT * FROM orders;");
    TestSession withoutQuery = session;
    PlannedStatement.PersistentQuery next =
        assertInstanceOf(
            PlannedStatement.PersistentQuery.class,
            withoutQuery.plan(
                "CREATE OR REPLACE STREAM copy AS SELECT * FROM orders WHERE qty > 1;"));

    assertEquals("CSAS_COPY_3", next.queryId());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CREATE STREAM s AS SELECT id, item, qty FROM orders; \
          | CREATE OR REPLACE STREAM s AS SELECT id, qty FROM orders; \
          | line 1:1: Cannot upgrade stream S: value columns may only be added after the existing ones; these would be changed, removed or moved: `ITEM` STRING, `QTY` INTEGER.
          CREATE STREAM s AS SELECT id, item FROM orders; \
          | CREATE OR REPLACE STREAM s AS SELECT id, qty AS item FROM orders; \
          | line 1:1: Cannot upgrade stream S: value columns may only be added after the existing ones; these would be changed, removed or moved: `ITEM` STRING.
          CREATE STREAM s AS SELECT id, item FROM orders; \
          | CREATE OR REPLACE STREAM s AS SELECT item, id FROM orders PARTITION BY item; \
          | line 1:1: Cannot upgrade stream S: its key columns may not change (they are `ID` INTEGER; the replacement has `ITEM` STRING).
          CREATE STREAM s AS SELECT * FROM orders; \
          | CREATE OR REPLACE STREAM s AS SELECT * FROM returns; \
          | line 1:1: Cannot upgrade query CSAS_S_3 in place: the sources it reads (topic 'orders') may not change.
          CREATE STREAM s AS SELECT * FROM orders; \
          | CREATE OR REPLACE STREAM s WITH (value_format='DELIMITED') AS SELECT * FROM orders; \
          | line 1:1: Cannot upgrade stream S: its value format may not change (it is JSON; the replacement has DELIMITED).
          CREATE STREAM s AS SELECT * FROM orders; \
          | CREATE OR REPLACE STREAM s WITH (kafka_topic='other') AS SELECT * FROM orders; \
          | line 1:1: Cannot upgrade stream S: its topic may not change (it is 'S'; the replacement names 'other').
          CREATE TABLE t AS SELECT item, COUNT(*) AS n FROM orders GROUP BY item; \
          | CREATE OR REPLACE TABLE t AS SELECT item, SUM(qty) AS n FROM orders GROUP BY item; \
          | line 1:1: Cannot upgrade table T: value columns may only be added after the existing ones; these would be changed, removed or moved: `N` BIGINT.
          CREATE TABLE t AS SELECT item, SUM(qty) AS n FROM orders GROUP BY item; \
          | CREATE OR REPLACE TABLE t AS SELECT item, SUM(id) AS n FROM orders GROUP BY item; \
          | line 1:1: Cannot upgrade query CTAS_T_3 in place: the values its aggregation reads (the arguments of its aggregate functions) may not change.
          CREATE TABLE t AS SELECT item, SUM(qty) AS n FROM orders GROUP BY item; \
          | CREATE OR REPLACE TABLE t AS SELECT id, SUM(qty) AS n FROM orders GROUP BY id; \
          | line 1:1: Cannot upgrade table T: its key columns may not change (they are `ITEM` STRING; the replacement has `ID` INTEGER).
          CREATE TABLE t AS SELECT item, SUM(qty) AS n FROM orders GROUP BY item; \
          | CREATE OR REPLACE TABLE t AS SELECT UCASE(item) AS item, SUM(qty) AS n FROM orders GROUP BY UCASE(item); \
          | line 1:1: Cannot upgrade query CTAS_T_3 in place: GROUP BY may not change.
          CREATE TABLE t AS SELECT item, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY item; \
          | CREATE OR REPLACE TABLE t AS SELECT item, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 1 MINUTE) WHERE qty > 1 GROUP BY item; \
          | line 1:1: Cannot upgrade query CTAS_T_3 in place: a windowed query cannot be upgraded in place; to change it, TERMINATE CTAS_T_3, DROP the sink and create it again.
          CREATE STREAM s AS SELECT o.id, o.item, i.name FROM orders o JOIN items i ON o.item = i.item; \
          | CREATE OR REPLACE STREAM s AS SELECT o.id, o.item, i.name FROM orders o LEFT JOIN items i ON o.item = i.item; \
          | line 1:1: Cannot upgrade query CSAS_S_3 in place: a query with a join cannot be upgraded in place; to change it, TERMINATE CSAS_S_3, DROP the sink and create it again.
          CREATE TABLE t AS SELECT name, COUNT(*) AS n FROM items GROUP BY name; \
          | CREATE OR REPLACE TABLE t AS SELECT name, COUNT(*) AS n FROM items WHERE item <> 'x' GROUP BY name; \
          | line 1:1: Cannot upgrade query CTAS_T_3 in place: an aggregation of a table cannot be upgraded in place; to change it, TERMINATE CTAS_T_3, DROP the sink and create it again.
          CREATE STREAM s AS SELECT * FROM orders; \
          | CREATE OR REPLACE TABLE s AS SELECT item, COUNT(*) AS n FROM orders GROUP BY item; \
          | line 1:1: Cannot add table 'S': it would replace a stream.
          """)
  void anIncompatibleReplacementNamesTheRuleItBreaks(
      String first, String replacement, String message) {
    assertEquals(message, refusal(first.strip(), replacement.strip()));
  }

  @Test
  void aFilterInFrontOfAnAggregationMayReadAnyColumnOfItsSource() {
    // The aggregation keeps only its aggregates in state: what the filter reads is not kept.
    upgrade(
        "CREATE TABLE t AS SELECT item, SUM(qty) AS n FROM orders GROUP BY item;",
        "CREATE OR REPLACE TABLE t AS SELECT item, SUM(qty) AS n FROM orders WHERE price > 0 "
            + "GROUP BY item;");
  }

  @Test
  void aDeclaredStreamCannotGetAQueryNorAQuerysSinkADeclaration() {
    assertEquals(
        "line 1:1: Cannot add stream 'ORDERS': it was declared with CREATE STREAM (no query writes"
            + " it), so no query can be replaced.",
        assertThrows(
                PlanningException.class,
                () -> session.plan("CREATE OR REPLACE STREAM orders AS SELECT * FROM returns;"))
            .getMessage());
    session.run("CREATE STREAM copy AS SELECT * FROM orders;");
    assertEquals(
        "line 1:1: Cannot add stream 'COPY': it is written by the query of a CREATE STREAM ... AS"
            + " SELECT: replace that statement instead.",
        assertThrows(
                PlanningException.class,
                () ->
                    session.plan(
                        "CREATE OR REPLACE STREAM copy (id INT KEY, item STRING) "
                            + "WITH (kafka_topic='COPY', value_format='JSON');"))
            .getMessage());
  }

  @Test
  void aDeclaredStreamMayGainColumnsAtTheEndOnly() {
    PlannedStatement.CatalogUpdate update =
        assertInstanceOf(
            PlannedStatement.CatalogUpdate.class,
            session.plan(
                "CREATE OR REPLACE STREAM orders (id INT KEY, item STRING, qty INT, price DOUBLE, "
                    + "note STRING) WITH (kafka_topic='orders', value_format='JSON');"));
    assertEquals(
        "NOTE",
        ((CatalogChange.AddSource) update.change()).source().schema().value().get(3).name());

    assertEquals(
        "line 1:1: Cannot upgrade stream ORDERS: value columns may only be added after the"
            + " existing ones; these would be changed, removed or moved: `QTY` INTEGER, `PRICE`"
            + " DOUBLE.",
        assertThrows(
                PlanningException.class,
                () ->
                    session.plan(
                        "CREATE OR REPLACE STREAM orders (id INT KEY, item STRING, price DOUBLE) "
                            + "WITH (kafka_topic='orders', value_format='JSON');"))
            .getMessage());
  }

  @Test
  void aSourceTableCannotBeReplacedEvenWhenItDoesNotExistYet() {
    assertEquals(
        "line 1:1: Cannot add table 'FRESH': CREATE OR REPLACE is not supported on source tables.",
        assertThrows(
                PlanningException.class,
                () ->
                    session.plan(
                        "CREATE OR REPLACE SOURCE TABLE fresh (k INT PRIMARY KEY, v STRING) "
                            + "WITH (kafka_topic='fresh', value_format='JSON');"))
            .getMessage());
  }
}
