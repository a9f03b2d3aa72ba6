package dev.millrace.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Entities written by hand after ksqlDB's REST documentation, rendered to exact text. */
class EntityRendererTest {

  private final ObjectMapper json = new ObjectMapper();

  private String render(String entity, int width) throws Exception {
    return EntityRenderer.render(json.readTree(entity), width);
  }

  @Test
  void streamsList() throws Exception {
    assertEquals(
        """
        +-------------+-------------+------------+--------------+----------+
        | Stream Name | Kafka Topic | Key Format | Value Format | Windowed |
        +-------------+-------------+------------+--------------+----------+
        | PAGEVIEWS   | pageviews   | KAFKA      | JSON         | false    |
        +-------------+-------------+------------+--------------+----------+
        """,
        render(
            """
        {"@type":"streams","statementText":"SHOW STREAMS;","warnings":[],
         "streams":[{"type":"STREAM","name":"PAGEVIEWS","topic":"pageviews","keyFormat":"KAFKA",
                     "valueFormat":"JSON","isWindowed":false}]}""",
            100));
  }

  @Test
  void tablesListFromAnOlderServerWithASingleFormatField() throws Exception {
    assertEquals(
        """
        +------------+-------------+------------+--------------+----------+
        | Table Name | Kafka Topic | Key Format | Value Format | Windowed |
        +------------+-------------+------------+--------------+----------+
        | USERS      | users       |            | DELIMITED    | true     |
        +------------+-------------+------------+--------------+----------+
        """,
        render(
            """
        {"@type":"tables","tables":[{"type":"TABLE","name":"USERS","topic":"users","format":"DELIMITED",
                                     "isWindowed":true}]}""",
            100));
  }

  @Test
  void commandStatusShowsItsMessageThenWarnings() throws Exception {
    assertEquals(
        """
        +----------------+
        | Message        |
        +----------------+
        | Stream created |
        +----------------+
        WARNING: topic exists
        """,
        render(
            """
        {"@type":"currentStatus","statementText":"CREATE STREAM S (ID INT) WITH (KAFKA_TOPIC='s');",
         "commandId":"stream/S/create","commandStatus":{"status":"SUCCESS","message":"Stream created"},
         "commandSequenceNumber":4,"warnings":[{"message":"topic exists"}]}""",
            100));
  }

  @Test
  void queriesListWrapsTheQueryTextOnANarrowScreen() throws Exception {
    assertEquals(
        """
        +----------+------------+-----------+-----------+--------------+---------------+
        | Query ID | Query Type | Status    | Sink Name | Sink Kafka   | Query String  |
        |          |            |           |           | Topic        |               |
        +----------+------------+-----------+-----------+--------------+---------------+
        | CSAS_B_1 | PERSISTENT | RUNNING:1 | B         | B            | CREATE STREAM |
        |          |            |           |           |              | B AS SELECT * |
        |          |            |           |           |              | FROM A EMIT   |
        |          |            |           |           |              | CHANGES;      |
        +----------+------------+-----------+-----------+--------------+---------------+
        """,
        render(
            """
        {"@type":"queries","queries":[{"queryString":"CREATE STREAM B AS SELECT * FROM A EMIT CHANGES;",
          "sinks":["B"],"sinkKafkaTopics":["B"],"id":"CSAS_B_1","statusCount":{"RUNNING":1},
          "queryType":"PERSISTENT","state":"RUNNING"}]}""",
            80));
  }

  @Test
  void describeListsFieldsWithKeyMarkersAndNestedTypes() throws Exception {
    assertEquals(
        """
        Name         : PAGEVIEWS
        Type         : STREAM
        Key format   : KAFKA
        Value format : JSON
        Kafka topic  : pageviews
        +---------+----------------------------------+
        | Field   | Type                             |
        +---------+----------------------------------+
        | USERID  | STRING (key)                     |
        | TAGS    | ARRAY<STRING>                    |
        | PRICE   | DECIMAL(10, 2)                   |
        | ADDRESS | STRUCT<CITY STRING, ZIP INTEGER> |
        +---------+----------------------------------+
        For runtime statistics and query details run: DESCRIBE PAGEVIEWS EXTENDED;
        """,
        render(
            """
        {"@type":"sourceDescription","statementText":"DESCRIBE PAGEVIEWS;","sourceDescription":{
          "name":"PAGEVIEWS","windowType":null,"readQueries":[],"writeQueries":[],"type":"STREAM",
          "timestamp":"","statistics":"","errorStats":"","extended":false,"keyFormat":"KAFKA",
          "valueFormat":"JSON","topic":"pageviews","partitions":0,"replication":0,
          "fields":[
            {"name":"USERID","schema":{"type":"STRING","fields":null,"memberSchema":null},"type":"KEY"},
            {"name":"TAGS","schema":{"type":"ARRAY","fields":null,"memberSchema":{"type":"STRING"}}},
            {"name":"PRICE","schema":{"type":"DECIMAL","parameters":{"precision":10,"scale":2}}},
            {"name":"ADDRESS","schema":{"type":"STRUCT","fields":[
              {"name":"CITY","schema":{"type":"STRING"}},{"name":"ZIP","schema":{"type":"INTEGER"}}]}}]}}""",
            100));
  }

  @Test
  void describeExtendedAddsTopicDetailsQueriesAndStatistics() throws Exception {
    assertEquals(
        """
        Name         : COUNTS
        Type         : TABLE
        Key format   : KAFKA
        Value format : JSON
        Kafka topic  : COUNTS (partitions: 2, replication: 1)
        +--------+----------------------+
        | Field  | Type                 |
        +--------+----------------------+
        | USERID | STRING (primary key) |
        | TOTAL  | BIGINT               |
        +--------+----------------------+

        Queries that write into this TABLE
        ----------------------------------
        CTAS_COUNTS_3 (RUNNING) : CREATE TABLE COUNTS AS SELECT USERID, COUNT(*) AS TOTAL FROM PAGEVIEWS GROUP BY USERID;

        Statistics : messages-per-sec: 0.5
        """,
        render(
            """
        {"@type":"sourceDescription","sourceDescription":{
          "name":"COUNTS","readQueries":[],"type":"TABLE","extended":true,"keyFormat":"KAFKA",
          "valueFormat":"JSON","topic":"COUNTS","partitions":2,"replication":1,"statistics":"messages-per-sec: 0.5",
          "errorStats":"",
          "writeQueries":[{"id":"CTAS_COUNTS_3","state":"RUNNING",
            "queryString":"CREATE TABLE COUNTS AS SELECT USERID, COUNT(*) AS TOTAL FROM PAGEVIEWS GROUP BY USERID;"}],
          "fields":[{"name":"USERID","schema":{"type":"STRING"},"type":"KEY"},
                    {"name":"TOTAL","schema":{"type":"BIGINT"}}]}}""",
            120));
  }

  @Test
  void explainShowsTheQueryItsSchemaAndPlan() throws Exception {
    assertEquals(
        """
        ID         : CSAS_B_1
        Query type : PERSISTENT
        State      : RUNNING
        SQL        : CREATE STREAM B AS SELECT * FROM A EMIT CHANGES;
        +-------+---------+
        | Field | Type    |
        +-------+---------+
        | ID    | INTEGER |
        +-------+---------+
        Sources : A
        Sinks   : B

        Execution plan
        --------------
        > [ SINK ] | Schema: ID INTEGER | Logger: CSAS_B_1.B
        \t\t > [ SOURCE ] | Schema: ID INTEGER | Logger: CSAS_B_1.A
        """,
        render(
            """
        {"@type":"queryDescription","queryDescription":{"id":"CSAS_B_1","queryType":"PERSISTENT",
          "state":"RUNNING","statementText":"CREATE STREAM B AS SELECT * FROM A EMIT CHANGES;",
          "fields":[{"name":"ID","schema":{"type":"INTEGER"}}],"sources":["A"],"sinks":["B"],
          "executionPlan":" > [ SINK ] | Schema: ID INTEGER | Logger: CSAS_B_1.B\\n\\t\\t > [ SOURCE ] | Schema: ID INTEGER | Logger: CSAS_B_1.A\\n",
          "topology":""}}""",
            100));
  }

  @Test
  void topicsAndProperties() throws Exception {
    assertEquals(
        """
        +-------------+------------+--------------------+
        | Kafka Topic | Partitions | Partition Replicas |
        +-------------+------------+--------------------+
        | pageviews   | 2          | 1, 1               |
        +-------------+------------+--------------------+
        """,
        render(
            "{\"@type\":\"kafka_topics\",\"topics\":[{\"name\":\"pageviews\",\"replicaInfo\":[1,1]}]}",
            100));
    assertEquals(
        """
        +-------------------+-------+----------+
        | Property          | Scope | Value    |
        +-------------------+-------+----------+
        | auto.offset.reset | KSQL  | earliest |
        +-------------------+-------+----------+
        """,
        render(
            """
        {"@type":"properties","properties":[{"name":"auto.offset.reset","scope":"KSQL","value":"earliest"}]}""",
            100));
    assertEquals(
        """
        +-----------------+-------+
        | Property        | Value |
        +-----------------+-------+
        | ksql.service.id | x_    |
        +-----------------+-------+
        """,
        render("{\"@type\":\"properties\",\"properties\":{\"ksql.service.id\":\"x_\"}}", 100));
  }

  @Test
  void unknownEntityIsShownFieldByField() throws Exception {
    assertEquals(
        """
        name  : n
        count : 3
        items:
        +---+---+------+
        | a | b | c    |
        +---+---+------+
        | 1 | x |      |
        | 2 |   | true |
        +---+---+------+
        """,
        render(
            """
        {"@type":"brand_new","statementText":"X;","name":"n","count":3,
         "items":[{"a":1,"b":"x"},{"a":2,"c":true}]}""",
            100));
  }
}
