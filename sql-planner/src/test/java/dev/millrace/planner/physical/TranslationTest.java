package dev.millrace.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.PlannerConfig;
import dev.millrace.planner.TestSession;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SQL text to plan steps: the structure of the steps and the expressions in them. */
class TranslationTest {
  private static final String SETUP =
      """
      CREATE STREAM ORDERS (ID BIGINT KEY, ITEM STRING, QTY INT, PRICE DECIMAL(6, 2), CUSTOMER BIGINT,
        ADDRESS STRUCT<CITY STRING>) WITH (kafka_topic='orders', value_format='JSON');
      CREATE TABLE CUSTOMERS (ID BIGINT PRIMARY KEY, NAME STRING) WITH (kafka_topic='customers', value_format='JSON');
      """;
  // Value layout of an ORDERS source row: 0 ITEM, 1 QTY, 2 PRICE, 3 CUSTOMER, 4 ADDRESS, 5 ROWTIME,
  // 6 ROWPARTITION, 7 ROWOFFSET, 8 ID (key copy); joined with CUSTOMERS: 9 NAME, 10-12 pseudo, 13
  // ID.

  private final TestSession session = new TestSession().run(SETUP);

  private PlanStep persistent(String sql) {
    return ((PlannedStatement.PersistentQuery) session.plan(sql)).plan();
  }

  private static Expr.ColumnRef ref(int index, String name, SqlType type) {
    return new Expr.ColumnRef(index, name, type);
  }

  @Test
  void aSinksTimestampColumnGoesIntoItsSinkStepButInsertIntoKeepsRowTimes() {
    PlanStep.StreamSink stream =
        assertInstanceOf(
            PlanStep.StreamSink.class,
            persistent(
                "CREATE STREAM TIMED WITH (TIMESTAMP='SOLD', TIMESTAMP_FORMAT='yyyy') AS SELECT ID, ITEM AS SOLD FROM ORDERS;"));
    assertEquals(Optional.of("SOLD"), stream.timestampColumn());
    assertEquals(Optional.of("yyyy"), stream.timestampFormat());

    PlanStep.TableSink table =
        assertInstanceOf(
            PlanStep.TableSink.class,
            persistent(
                "CREATE TABLE NAMED WITH (TIMESTAMP='ID') AS SELECT ID, NAME FROM CUSTOMERS;"));
    assertEquals(Optional.of("ID"), table.timestampColumn());
    assertEquals(Optional.empty(), table.timestampFormat());

    session.run(
        "CREATE STREAM COPY WITH (TIMESTAMP='QTY_MS') AS SELECT ID, CAST(QTY AS BIGINT) AS QTY_MS FROM ORDERS;");
    PlanStep.StreamSink insert =
        assertInstanceOf(
            PlanStep.StreamSink.class,
            persistent("INSERT INTO COPY SELECT ID, CAST(QTY AS BIGINT) AS QTY_MS FROM ORDERS;"));
    assertEquals(Optional.empty(), insert.timestampColumn());
  }

  @Test
  void projectionAndFilterBecomeFilterThenSelect() {
    PlanStep plan =
        persistent(
            "CREATE STREAM BIG AS SELECT ID, UCASE(ITEM) AS ITEM, QTY * 2 AS DOUBLED "
                + "FROM ORDERS WHERE QTY > 10;");

    PlanStep.StreamSink sink = assertInstanceOf(PlanStep.StreamSink.class, plan);
    assertEquals("BIG", sink.topic());
    assertEquals(
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)),
            List.of(new Column("ITEM", SqlType.STRING), new Column("DOUBLED", SqlType.INTEGER))),
        sink.schema());
    PlanStep.StreamSelect select = assertInstanceOf(PlanStep.StreamSelect.class, sink.source());
    assertEquals(
        List.of(
            new Expr.FunctionCall("UCASE", List.of(ref(0, "ITEM", SqlType.STRING)), SqlType.STRING),
            new Expr.Operation(
                Operator.MULTIPLY,
                List.of(ref(1, "QTY", SqlType.INTEGER), new Expr.Literal(2, SqlType.INTEGER)),
                SqlType.INTEGER)),
        select.values());
    PlanStep.StreamFilter filter = assertInstanceOf(PlanStep.StreamFilter.class, select.source());
    assertEquals(
        new Expr.Operation(
            Operator.GREATER_THAN,
            List.of(ref(1, "QTY", SqlType.INTEGER), new Expr.Literal(10, SqlType.INTEGER)),
            SqlType.BOOLEAN),
        filter.predicate());
    PlanStep.StreamSource source = assertInstanceOf(PlanStep.StreamSource.class, filter.source());
    assertEquals("orders", source.topic());
  }

  @Test
  void mixedNumbersAreWidenedExplicitly() {
    PlanStep plan =
        persistent(
            "CREATE STREAM S AS SELECT ID, QTY + CUSTOMER AS X, PRICE * QTY AS Y FROM ORDERS;");

    PlanStep.StreamSelect select = (PlanStep.StreamSelect) plan.sources().get(0);
    assertEquals(
        new Expr.Operation(
            Operator.ADD,
            List.of(
                new Expr.Cast(ref(1, "QTY", SqlType.INTEGER), SqlType.BIGINT),
                ref(3, "CUSTOMER", SqlType.BIGINT)),
            SqlType.BIGINT),
        select.values().get(0));
    assertEquals(new SqlType.Decimal(17, 2), select.values().get(1).type());
  }

  @Test
  void groupByBecomesPrepareGroupAggregateAndFinalSelect() {
    PlanStep plan =
        persistent(
            "CREATE TABLE TOTALS AS SELECT ITEM, COUNT(*) AS N, SUM(QTY) AS Q FROM ORDERS "
                + "GROUP BY ITEM HAVING SUM(QTY) > 5;");

    PlanStep.TableSink sink = assertInstanceOf(PlanStep.TableSink.class, plan);
    assertEquals(
        new LogicalSchema(
            List.of(new Column("ITEM", SqlType.STRING)),
            List.of(new Column("N", SqlType.BIGINT), new Column("Q", SqlType.INTEGER))),
        sink.schema());
    PlanStep.TableSelect select = assertInstanceOf(PlanStep.TableSelect.class, sink.source());
    PlanStep.TableFilter having = assertInstanceOf(PlanStep.TableFilter.class, select.source());
    assertEquals(Operator.GREATER_THAN, ((Expr.Operation) having.predicate()).operator());
    PlanStep.StreamAggregate aggregate =
        assertInstanceOf(PlanStep.StreamAggregate.class, having.source());
    assertEquals(
        List.of(
            new AggregateCall("COUNT", List.of(), List.of(), SqlType.BIGINT),
            new AggregateCall(
                "SUM",
                List.of(ref(1, "KSQL_AGG_ARG_1", SqlType.INTEGER)),
                List.of(),
                SqlType.INTEGER)),
        aggregate.aggregates());
    assertEquals(Optional.empty(), aggregate.window());
    assertEquals("1-Aggregate-store", aggregate.storeName());
    PlanStep.StreamGroupBy groupBy =
        assertInstanceOf(PlanStep.StreamGroupBy.class, aggregate.source());
    assertEquals(List.of(ref(0, "ITEM", SqlType.STRING)), groupBy.keys());
    assertEquals("0-GroupBy-repartition", groupBy.repartitionTopic());
    PlanStep.StreamSelect prepare = assertInstanceOf(PlanStep.StreamSelect.class, groupBy.source());
    assertEquals(
        List.of(ref(0, "ITEM", SqlType.STRING), ref(1, "QTY", SqlType.INTEGER)), prepare.values());
  }

  @Test
  void havingOnGroupingColumnsMovesBelowTheAggregation() {
    PlanStep plan =
        persistent(
            "CREATE TABLE TOTALS AS SELECT ITEM, COUNT(*) AS N FROM ORDERS "
                + "GROUP BY ITEM HAVING ITEM <> 'x';");

    PlanStep.TableSelect select = (PlanStep.TableSelect) plan.sources().get(0);
    PlanStep.StreamAggregate aggregate =
        assertInstanceOf(PlanStep.StreamAggregate.class, select.source());
    PlanStep prepare = aggregate.source().sources().get(0);
    assertInstanceOf(PlanStep.StreamFilter.class, prepare.sources().get(0));
  }

  @Test
  void tumblingWindowsAggregatePerWindowAndKeepTheBounds() {
    PlannedStatement.PersistentQuery query =
        (PlannedStatement.PersistentQuery)
            session.plan(
                "CREATE TABLE PER_MINUTE AS SELECT ITEM, WINDOWSTART AS WS, COUNT(*) AS N FROM ORDERS "
                    + "WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY ITEM;");

    PlanStep.TableSink sink = (PlanStep.TableSink) query.plan();
    assertEquals(Optional.of(WindowInfo.tumbling(60_000)), sink.formats().keyWindow());
    assertEquals(Optional.of(WindowInfo.tumbling(60_000)), query.sink().formats().keyWindow());
    PlanStep.TableSelect select = (PlanStep.TableSelect) sink.source();
    assertEquals(
        List.of(
            ref(2, "WINDOWSTART", SqlType.BIGINT), ref(1, "KSQL_AGG_VARIABLE_0", SqlType.BIGINT)),
        select.values());
    PlanStep.StreamAggregate aggregate = (PlanStep.StreamAggregate) select.source();
    assertEquals(Optional.of(WindowInfo.tumbling(60_000)), aggregate.window());
  }

  @Test
  void streamTableJoinOnTheStreamKeyNeedsNoRepartition() {
    PlanStep plan =
        persistent(
            "CREATE STREAM ENRICHED AS SELECT O.ID, O.ITEM, C.NAME FROM ORDERS O "
                + "LEFT JOIN CUSTOMERS C ON O.ID = C.ID;");

    PlanStep.StreamSelect select = (PlanStep.StreamSelect) plan.sources().get(0);
    PlanStep.StreamTableJoin join =
        assertInstanceOf(PlanStep.StreamTableJoin.class, select.source());
    assertEquals(JoinType.LEFT, join.type());
    assertInstanceOf(PlanStep.StreamSource.class, join.left());
    assertInstanceOf(PlanStep.TableSource.class, join.right());
    assertEquals(
        List.of(ref(0, "ITEM", SqlType.STRING), ref(9, "NAME", SqlType.STRING)), select.values());
  }

  @Test
  void streamTableJoinOnAValueColumnRekeysTheStream() {
    PlanStep plan =
        persistent(
            "CREATE STREAM ENRICHED AS SELECT O.CUSTOMER, O.ITEM, C.NAME FROM ORDERS O "
                + "JOIN CUSTOMERS C ON O.CUSTOMER = C.ID;");

    PlanStep.StreamTableJoin join =
        (PlanStep.StreamTableJoin) plan.sources().get(0).sources().get(0);
    assertEquals(JoinType.INNER, join.type());
    PlanStep.StreamSelectKey rekey = assertInstanceOf(PlanStep.StreamSelectKey.class, join.left());
    assertEquals(List.of(ref(3, "CUSTOMER", SqlType.BIGINT)), rekey.keys());
    assertEquals("1-Join-repartition", rekey.repartitionTopic());
    assertEquals(List.of(new Column("CUSTOMER", SqlType.BIGINT)), plan.schema().key());
  }

  @Test
  void filtersOnEitherSideMoveBelowTheJoin() {
    PlanStep plan =
        persistent(
            "CREATE STREAM ENRICHED AS SELECT O.ID, C.NAME FROM ORDERS O "
                + "JOIN CUSTOMERS C ON O.ID = C.ID WHERE O.QTY > 1 AND C.NAME = 'x';");

    PlanStep.StreamTableJoin join =
        (PlanStep.StreamTableJoin) plan.sources().get(0).sources().get(0);
    assertInstanceOf(PlanStep.StreamFilter.class, join.left());
    assertInstanceOf(PlanStep.TableFilter.class, join.right());
  }

  @Test
  void partitionByRekeysWithoutARepartitionTopic() {
    PlanStep plan =
        persistent(
            "CREATE STREAM BY_CITY AS SELECT ADDRESS->CITY, ITEM FROM ORDERS "
                + "PARTITION BY ADDRESS->CITY;");

    assertEquals(
        new LogicalSchema(
            List.of(new Column("CITY", SqlType.STRING)),
            List.of(new Column("ITEM", SqlType.STRING))),
        plan.schema());
    PlanStep.StreamSelect select = (PlanStep.StreamSelect) plan.sources().get(0);
    PlanStep.StreamSelectKey rekey =
        assertInstanceOf(PlanStep.StreamSelectKey.class, select.source());
    SqlType address = new SqlType.Struct(List.of(new SqlType.Field("CITY", SqlType.STRING)));
    assertEquals(
        List.of(new Expr.FieldAccess(ref(4, "ADDRESS", address), "CITY", SqlType.STRING)),
        rekey.keys());
    assertEquals("", rekey.repartitionTopic());
  }

  @Test
  void aStreamSelectWithoutItsKeyWritesNoKey() {
    PlannedStatement.PersistentQuery query =
        (PlannedStatement.PersistentQuery)
            session.plan("CREATE STREAM ITEMS AS SELECT ITEM FROM ORDERS;");

    assertEquals(List.of(), query.plan().schema().key());
    assertEquals("NONE", query.sink().formats().key().format());
  }

  @Test
  void aKeyGivenToAResultOfKeylessInputsTakesTheDefaultKeyFormat() {
    session.run(
        "CREATE STREAM CLICKS (PAGE STRING, USER_ID INT) WITH (kafka_topic='clicks', key_format='NONE', value_format='JSON');");
    PlannedStatement.PersistentQuery byPage =
        (PlannedStatement.PersistentQuery)
            session.plan("CREATE STREAM BY_PAGE AS SELECT * FROM CLICKS PARTITION BY PAGE;");
    assertEquals("KAFKA", byPage.sink().formats().key().format());

    session.set(PlannerConfig.KEY_FORMAT, "DELIMITED");
    PlannedStatement.PersistentQuery byUser =
        (PlannedStatement.PersistentQuery)
            session.plan("CREATE STREAM BY_USER AS SELECT * FROM CLICKS PARTITION BY USER_ID;");
    assertEquals("DELIMITED", byUser.sink().formats().key().format());
    PlannedStatement.PersistentQuery copy =
        (PlannedStatement.PersistentQuery)
            session.plan("CREATE STREAM CLICKS_COPY AS SELECT * FROM CLICKS;");
    assertEquals("NONE", copy.sink().formats().key().format());
  }

  @Test
  void caseInAndBetweenMapToTheEngineOperators() {
    PlanStep plan =
        persistent(
            "CREATE STREAM S AS SELECT ID, CASE WHEN QTY IN (1, 2) THEN 'few' ELSE 'many' END AS "
                + "HOW_MANY FROM ORDERS WHERE PRICE BETWEEN 1 AND 9.99;");

    PlanStep.StreamSelect select = (PlanStep.StreamSelect) plan.sources().get(0);
    Expr.Case caseExpr = assertInstanceOf(Expr.Case.class, select.values().get(0));
    assertEquals(Operator.IN, ((Expr.Operation) caseExpr.whens().get(0).condition()).operator());
    assertEquals(new Expr.Literal("many", SqlType.STRING), caseExpr.otherwise());
    Expr.Operation between = (Expr.Operation) ((PlanStep.StreamFilter) select.source()).predicate();
    assertEquals(Operator.BETWEEN, between.operator());
    assertEquals(
        new Expr.Literal(new BigDecimal("9.99"), new SqlType.Decimal(12, 2)),
        between.operands().get(2));
  }

  @Test
  void pushQueriesEndInATransientSinkWithEveryColumn() {
    PlannedStatement.PushQuery push =
        (PlannedStatement.PushQuery)
            session.plan("SELECT ID, ITEM FROM ORDERS WHERE ITEM LIKE 'a%' EMIT CHANGES LIMIT 5;");

    PlanStep.TransientSink sink = assertInstanceOf(PlanStep.TransientSink.class, push.plan());
    assertEquals(
        List.of(new Column("ID", SqlType.BIGINT), new Column("ITEM", SqlType.STRING)),
        push.columns());
    assertEquals(push.columns(), sink.schema().value());
    assertEquals(5, push.limit().getAsInt());
    assertEquals(List.of("orders"), push.sourceTopics());
  }

  @Test
  void pullQueriesLookUpTheKeysTheWhereClauseNames() {
    session.run("CREATE TABLE TOTALS AS SELECT ITEM, COUNT(*) AS N FROM ORDERS GROUP BY ITEM;");

    PlannedStatement.PullQuery pull =
        (PlannedStatement.PullQuery)
            session.plan("SELECT ITEM, N FROM TOTALS WHERE ITEM = 'apple' OR ITEM = 'pear';");

    assertEquals("TOTALS", pull.table().name());
    assertEquals(
        Optional.of(List.of(List.<Object>of("apple"), List.<Object>of("pear"))), pull.keys());
    assertTrue(pull.filter().isPresent());
    assertEquals(
        List.of(new Column("ITEM", SqlType.STRING), new Column("N", SqlType.BIGINT)),
        pull.columns());
  }

  @Test
  void pullQueriesWithoutAKeyScan() {
    session.run("CREATE TABLE TOTALS AS SELECT ITEM, COUNT(*) AS N FROM ORDERS GROUP BY ITEM;");

    PlannedStatement.PullQuery pull =
        (PlannedStatement.PullQuery) session.plan("SELECT * FROM TOTALS WHERE N > 3;");

    assertEquals(Optional.empty(), pull.keys());
  }

  @Test
  void lambdasBecomeEngineLambdasTypedByTheFunction() {
    session.run(
        "CREATE STREAM LISTS (ID BIGINT KEY, XS ARRAY<INT>) WITH (kafka_topic='lists', value_format='JSON');");

    PlanStep plan =
        persistent(
            "CREATE STREAM PLUS_ONE AS SELECT ID, TRANSFORM(XS, x => x + 1) AS YS FROM LISTS;");

    PlanStep.StreamSelect select = (PlanStep.StreamSelect) plan.sources().get(0);
    SqlType ints = new SqlType.Array(SqlType.INTEGER);
    Expr.Lambda lambda =
        new Expr.Lambda(
            List.of(new Expr.LambdaParameter("X", SqlType.INTEGER)),
            new Expr.Operation(
                Operator.ADD,
                List.of(
                    new Expr.LambdaVariable("X", SqlType.INTEGER),
                    new Expr.Literal(1, SqlType.INTEGER)),
                SqlType.INTEGER));
    assertEquals(
        List.of(new Expr.FunctionCall("TRANSFORM", List.of(ref(0, "XS", ints), lambda), ints)),
        select.values());
  }

  @Test
  void intervalUnitsArePassedAsTheirNames() {
    session.run(
        "CREATE STREAM TIMES (ID BIGINT KEY, T TIMESTAMP) WITH (kafka_topic='times', value_format='JSON');");

    PlanStep plan =
        persistent(
            "CREATE STREAM LATER AS SELECT ID, TIMESTAMPADD(SECONDS, 5, T) AS T5 FROM TIMES;");

    Expr.FunctionCall call =
        (Expr.FunctionCall) ((PlanStep.StreamSelect) plan.sources().get(0)).values().get(0);
    assertEquals(new Expr.Literal("SECONDS", SqlType.STRING), call.arguments().get(0));
  }

  @Test
  void transientQueriesOfWindowedTablesShowTheWindowBounds() {
    session.run(
        "CREATE TABLE PER_MINUTE AS SELECT ITEM, COUNT(*) AS N FROM ORDERS WINDOW TUMBLING (SIZE 1 MINUTE) "
            + "GROUP BY ITEM;");

    PlannedStatement.PullQuery pull =
        (PlannedStatement.PullQuery) session.plan("SELECT * FROM PER_MINUTE;");

    assertEquals(
        List.of(
            new Column("ITEM", SqlType.STRING),
            new Column("WINDOWSTART", SqlType.BIGINT),
            new Column("WINDOWEND", SqlType.BIGINT),
            new Column("N", SqlType.BIGINT)),
        pull.columns());
  }

  @Test
  void groupingByTheStreamKeyNeedsNoRepartition() {
    PlanStep plan =
        persistent("CREATE TABLE PER_ID AS SELECT ID, COUNT(*) AS N FROM ORDERS GROUP BY ID;");

    PlanStep.StreamAggregate aggregate =
        (PlanStep.StreamAggregate) plan.sources().get(0).sources().get(0);
    assertEquals("", ((PlanStep.StreamGroupBy) aggregate.source()).repartitionTopic());
  }
}
