package dev.millrace.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON of each API record, as ksqlDB's clients expect it, and the trip back: each record
 * reads back equal to itself.
 */
class ApiJsonTest {

  private static final ObjectMapper MAPPER = ApiJson.mapper();
  private static final TypeReference<List<KsqlEntity>> ENTITIES = new TypeReference<>() {};

  private static String json(Object value) throws Exception {
    return MAPPER.writeValueAsString(value);
  }

  private static void assertEntity(String expected, KsqlEntity entity) throws Exception {
    String actual = MAPPER.writerFor(ENTITIES).writeValueAsString(List.of(entity));
    assertEquals("[" + expected + "]", actual);
    assertEquals(List.of(entity), MAPPER.readValue(actual, ENTITIES));
  }

  @Test
  void commandStatusEntity() throws Exception {
    assertEntity(
        "{\"@type\":\"currentStatus\",\"statementText\":\"CREATE STREAM S (A INT) "
            + "WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');\",\"commandId\":\"stream/S/create\","
            + "\"commandStatus\":{\"status\":\"SUCCESS\",\"message\":\"Stream created\","
            + "\"queryId\":null},\"commandSequenceNumber\":4,\"warnings\":[]}",
        new CommandStatusEntity(
            "CREATE STREAM S (A INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');",
            "stream/S/create",
            CommandStatus.success("Stream created"),
            4,
            List.of()));
  }

  @Test
  void commandStatusCarriesTheQueryItStarted() throws Exception {
    assertEquals(
        "{\"status\":\"SUCCESS\",\"message\":\"Created query with ID CSAS_T_1\","
            + "\"queryId\":\"CSAS_T_1\"}",
        json(
            new CommandStatus(
                CommandStatus.Status.SUCCESS, "Created query with ID CSAS_T_1", "CSAS_T_1")));
  }

  @Test
  void streamsAndTables() throws Exception {
    assertEntity(
        "{\"@type\":\"streams\",\"statementText\":\"SHOW STREAMS;\",\"streams\":["
            + "{\"type\":\"STREAM\",\"name\":\"PAGEVIEWS\",\"topic\":\"pageviews\","
            + "\"keyFormat\":\"KAFKA\",\"valueFormat\":\"JSON\",\"isWindowed\":false}],"
            + "\"warnings\":[]}",
        new StreamsList(
            "SHOW STREAMS;",
            List.of(SourceInfo.stream("PAGEVIEWS", "pageviews", "KAFKA", "JSON")),
            null));
    assertEntity(
        "{\"@type\":\"tables\",\"statementText\":\"SHOW TABLES;\",\"tables\":["
            + "{\"type\":\"TABLE\",\"name\":\"COUNTS\",\"topic\":\"COUNTS\","
            + "\"keyFormat\":\"KAFKA\",\"valueFormat\":\"JSON\",\"isWindowed\":true}],"
            + "\"warnings\":[{\"message\":\"careful\"}]}",
        new TablesList(
            "SHOW TABLES;",
            List.of(SourceInfo.table("COUNTS", "COUNTS", "KAFKA", "JSON", true)),
            List.of(new Warning("careful"))));
  }

  @Test
  void queries() throws Exception {
    assertEntity(
        "{\"@type\":\"queries\",\"statementText\":\"SHOW QUERIES;\",\"queries\":["
            + "{\"queryString\":\"CREATE STREAM A AS SELECT * FROM B;\",\"sinks\":[\"A\"],"
            + "\"sinkKafkaTopics\":[\"A\"],\"id\":\"CSAS_A_0\",\"statusCount\":{\"RUNNING\":1},"
            + "\"queryType\":\"PERSISTENT\",\"state\":\"RUNNING\"}],\"warnings\":[]}",
        new Queries(
            "SHOW QUERIES;",
            List.of(
                RunningQuery.persistent(
                    "CREATE STREAM A AS SELECT * FROM B;",
                    List.of("A"),
                    List.of("A"),
                    "CSAS_A_0",
                    "RUNNING")),
            List.of()));
  }

  @Test
  void aQueryErrorAsExplainListsIt() throws Exception {
    assertEquals(
        "{\"timestamp\":1700000000000,\"errorMessage\":\"Topic t not present in metadata\","
            + "\"type\":\"SYSTEM\"}",
        ApiJson.mapper()
            .writeValueAsString(
                new QueryErrorInfo(
                    1_700_000_000_000L, "Topic t not present in metadata", "SYSTEM")));
  }

  @Test
  void topicsPropertiesFunctionsVariablesWarnings() throws Exception {
    assertEntity(
        "{\"@type\":\"kafka_topics\",\"statementText\":\"SHOW TOPICS;\",\"topics\":"
            + "[{\"name\":\"pageviews\",\"replicaInfo\":[1,1]}],\"warnings\":[]}",
        new KafkaTopicsList(
            "SHOW TOPICS;", List.of(new KafkaTopicInfo("pageviews", List.of(1, 1))), List.of()));
    assertEntity(
        "{\"@type\":\"properties\",\"statementText\":\"SHOW PROPERTIES;\","
            + "\"properties\":[{\"name\":\"auto.offset.reset\",\"scope\":\"STREAMS\","
            + "\"value\":\"earliest\"}],\"overwrittenProperties\":[\"auto.offset.reset\"],"
            + "\"defaultProperties\":[],\"warnings\":[]}",
        new PropertiesList(
            "SHOW PROPERTIES;",
            List.of(new PropertiesList.Property("auto.offset.reset", "STREAMS", "earliest")),
            List.of("auto.offset.reset"),
            List.of(),
            List.of()));
    assertEntity(
        "{\"@type\":\"function_names\",\"statementText\":\"SHOW FUNCTIONS;\","
            + "\"functions\":[{\"name\":\"UCASE\",\"type\":\"SCALAR\",\"category\":\"STRING\"}],"
            + "\"warnings\":[]}",
        new FunctionNameList(
            "SHOW FUNCTIONS;",
            List.of(new SimpleFunctionInfo("UCASE", "SCALAR", "STRING")),
            List.of()));
    assertEntity(
        "{\"@type\":\"describe_function\",\"statementText\":\"DESCRIBE FUNCTION UCASE;\","
            + "\"name\":\"UCASE\",\"description\":\"Upper case\",\"author\":\"\",\"version\":\"\","
            + "\"path\":\"internal\",\"functions\":[{\"arguments\":[{\"name\":\"input\","
            + "\"type\":\"VARCHAR\",\"description\":\"\",\"isVariadic\":false}],"
            + "\"returnType\":\"VARCHAR\",\"description\":\"\"}],\"type\":\"SCALAR\","
            + "\"warnings\":[]}",
        new FunctionDescriptionList(
            "DESCRIBE FUNCTION UCASE;",
            "UCASE",
            "Upper case",
            null,
            null,
            "internal",
            List.of(
                new FunctionInfo(
                    List.of(new ArgumentInfo("input", "VARCHAR", null, false)), "VARCHAR", null)),
            "SCALAR",
            List.of()));
    assertEntity(
        "{\"@type\":\"variables\",\"statementText\":\"SHOW VARIABLES;\","
            + "\"variables\":[{\"name\":\"t\",\"value\":\"pageviews\"}],\"warnings\":[]}",
        new VariablesList(
            "SHOW VARIABLES;", List.of(new VariablesList.Variable("t", "pageviews")), List.of()));
    assertEntity(
        "{\"@type\":\"warning_entity\",\"statementText\":\"DROP STREAM IF EXISTS X;\","
            + "\"message\":\"Source X does not exist.\",\"warnings\":[]}",
        new WarningEntity("DROP STREAM IF EXISTS X;", "Source X does not exist.", List.of()));
  }

  @Test
  void sourceDescription() throws Exception {
    SourceDescription description =
        new SourceDescription(
            "PAGEVIEWS",
            null,
            List.of(),
            List.of(),
            List.of(
                FieldInfo.key("PAGEID", SchemaInfo.primitive("STRING")),
                FieldInfo.value("TAGS", SchemaInfo.array(SchemaInfo.primitive("STRING"))),
                FieldInfo.value("PRICE", SchemaInfo.decimal(4, 2)),
                FieldInfo.value(
                    "ADDRESS",
                    SchemaInfo.struct(
                        List.of(FieldInfo.value("CITY", SchemaInfo.primitive("STRING")))))),
            "STREAM",
            null,
            null,
            null,
            null,
            null,
            false,
            "KAFKA",
            "JSON",
            "pageviews",
            1,
            1,
            "CREATE STREAM PAGEVIEWS (...);",
            null,
            null);
    assertEntity(
        "{\"@type\":\"sourceDescription\",\"statementText\":\"DESCRIBE PAGEVIEWS;\","
            + "\"sourceDescription\":{\"name\":\"PAGEVIEWS\",\"windowType\":null,"
            + "\"readQueries\":[],\"writeQueries\":[],\"fields\":["
            + "{\"name\":\"PAGEID\",\"schema\":{\"type\":\"STRING\",\"fields\":null,"
            + "\"memberSchema\":null},\"type\":\"KEY\"},"
            + "{\"name\":\"TAGS\",\"schema\":{\"type\":\"ARRAY\",\"fields\":null,\"memberSchema\":"
            + "{\"type\":\"STRING\",\"fields\":null,\"memberSchema\":null}}},"
            + "{\"name\":\"PRICE\",\"schema\":{\"type\":\"DECIMAL\",\"fields\":null,"
            + "\"memberSchema\":null,\"parameters\":{\"precision\":4,\"scale\":2}}},"
            + "{\"name\":\"ADDRESS\",\"schema\":{\"type\":\"STRUCT\",\"fields\":[{\"name\":\"CITY\","
            + "\"schema\":{\"type\":\"STRING\",\"fields\":null,\"memberSchema\":null}}],"
            + "\"memberSchema\":null}}],"
            + "\"type\":\"STREAM\",\"timestamp\":\"\",\"statistics\":\"\",\"errorStats\":\"\","
            + "\"statisticsMap\":{},\"errorStatsMap\":{},\"extended\":false,\"keyFormat\":\"KAFKA\","
            + "\"valueFormat\":\"JSON\",\"topic\":\"pageviews\",\"partitions\":1,\"replication\":1,"
            + "\"statement\":\"CREATE STREAM PAGEVIEWS (...);\",\"queryOffsetSummaries\":[],"
            + "\"sourceConstraints\":[]},\"warnings\":[]}",
        new SourceDescriptionEntity("DESCRIBE PAGEVIEWS;", description, List.of()));
  }

  @Test
  void queryDescription() throws Exception {
    QueryDescription description =
        new QueryDescription(
            "CSAS_A_0",
            "CREATE STREAM A AS SELECT * FROM B;",
            null,
            List.of(FieldInfo.value("X", SchemaInfo.primitive("INTEGER"))),
            List.of("B"),
            List.of("A"),
            "topology",
            "plan",
            Map.of(),
            Map.of("localhost:8088", "RUNNING"),
            "PERSISTENT",
            List.of(),
            "RUNNING");
    assertEntity(
        "{\"@type\":\"queryDescription\",\"statementText\":\"EXPLAIN CSAS_A_0;\","
            + "\"queryDescription\":{\"id\":\"CSAS_A_0\",\"statementText\":"
            + "\"CREATE STREAM A AS SELECT * FROM B;\",\"windowType\":null,\"fields\":[{\"name\":"
            + "\"X\",\"schema\":{\"type\":\"INTEGER\",\"fields\":null,\"memberSchema\":null}}],"
            + "\"sources\":[\"B\"],\"sinks\":[\"A\"],\"topology\":\"topology\","
            + "\"executionPlan\":\"plan\",\"overriddenProperties\":{},\"ksqlHostQueryStatus\":"
            + "{\"localhost:8088\":\"RUNNING\"},\"queryType\":\"PERSISTENT\",\"queryErrors\":[],"
            + "\"state\":\"RUNNING\"},\"warnings\":[]}",
        new QueryDescriptionEntity("EXPLAIN CSAS_A_0;", description, List.of()));
  }

  @Test
  void errors() throws Exception {
    ErrorMessage generic = new GenericErrorMessage(40400, "Path not found: /x");
    assertEquals(
        "{\"@type\":\"generic_error\",\"error_code\":40400,\"message\":"
            + "\"Path not found: /x\"}",
        json(generic));
    assertEquals(404, generic.httpStatus());
    ErrorMessage statement =
        new StatementErrorMessage(
            40001,
            "line 1:1: no viable alternative",
            "SELEKT 1;",
            List.of(new WarningEntity("SET 'a'='b';", "ok", List.of())));
    String text = json(statement);
    assertEquals(
        "{\"@type\":\"statement_error\",\"error_code\":40001,\"message\":"
            + "\"line 1:1: no viable alternative\",\"statementText\":\"SELEKT 1;\",\"entities\":["
            + "{\"@type\":\"warning_entity\",\"statementText\":\"SET 'a'='b';\",\"message\":\"ok\","
            + "\"warnings\":[]}]}",
        text);
    assertEquals(statement, MAPPER.readValue(text, ErrorMessage.class));
  }

  @Test
  void serverInfoHealthAndClusterStatus() throws Exception {
    assertEquals(
        "{\"KsqlServerInfo\":{\"version\":\"0.1.0\",\"kafkaClusterId\":\"abc\","
            + "\"ksqlServiceId\":\"default_\",\"serverStatus\":\"RUNNING\"}}",
        json(new ServerInfo("0.1.0", "abc", "default_", "RUNNING")));
    assertEquals(
        new ServerInfo("0.1.0", "abc", "default_", "RUNNING"),
        MAPPER.readValue(
            json(new ServerInfo("0.1.0", "abc", "default_", "RUNNING")), ServerInfo.class));
    assertEquals(
        "{\"isHealthy\":true,\"details\":{\"metastore\":{\"isHealthy\":true}}}",
        json(
            new HealthCheckResponse(
                true, Map.of("metastore", new HealthCheckResponse.Detail(true)))));
    assertEquals(
        "{\"clusterStatus\":{\"h:1\":{\"hostAlive\":true,\"lastStatusUpdateMs\":5,"
            + "\"activeStandbyPerQuery\":{},\"hostStoreLags\":{\"stateStoreLags\":{},"
            + "\"updateTimeMs\":5}}}}",
        json(
            new ClusterStatusResponse(
                Map.of(
                    "h:1",
                    new ClusterStatusResponse.HostStatus(
                        true,
                        5,
                        Map.of(),
                        new ClusterStatusResponse.HostStoreLags(Map.of(), 5))))));
  }

  @Test
  void streamedRows() throws Exception {
    assertEquals(
        "{\"header\":{\"queryId\":\"q1\",\"schema\":\"`A` INTEGER\"}}",
        json(StreamedRow.header("q1", "`A` INTEGER")));
    assertEquals(
        "{\"row\":{\"columns\":[1,null,\"x\"]}}",
        json(StreamedRow.row(java.util.Arrays.asList(1, null, "x"))));
    assertEquals(
        "{\"finalMessage\":\"Limit Reached\"}", json(StreamedRow.finalMessage("Limit Reached")));
    assertEquals(
        "{\"errorMessage\":{\"@type\":\"generic_error\",\"error_code\":50000,"
            + "\"message\":\"boom\"}}",
        json(StreamedRow.error(new GenericErrorMessage(50000, "boom"))));
    assertEquals(
        "{\"queryId\":\"q1\",\"columnNames\":[\"A\"],\"columnTypes\":[\"INTEGER\"]}",
        json(new QueryResponseMetadata("q1", List.of("A"), List.of("INTEGER"))));
    assertEquals(
        "{\"columnNames\":[\"A\"],\"columnTypes\":[\"INTEGER\"]}",
        json(new QueryResponseMetadata(null, List.of("A"), List.of("INTEGER"))));
  }

  @Test
  void requestsAcceptWhatKsqlDbClientsSend() throws Exception {
    KsqlRequest request =
        MAPPER.readValue(
            "{\"ksql\":\"SHOW STREAMS;\",\"streamsProperties\":"
                + "{\"auto.offset.reset\":\"earliest\"},\"requestProperties\":{},"
                + "\"sessionVariables\":{\"a\":1},\"commandSequenceNumber\":7}",
            KsqlRequest.class);
    assertEquals(
        new KsqlRequest(
            "SHOW STREAMS;", Map.of("auto.offset.reset", "earliest"), Map.of(), Map.of("a", 1), 7L),
        request);
    assertEquals(
        "SELECT 1;", MAPPER.readValue("{\"sql\":\"SELECT 1;\"}", KsqlRequest.class).ksql());
    QueryStreamArgs args =
        MAPPER.readValue(
            "{\"sql\":\"SELECT * FROM S EMIT CHANGES;\",\"streamsProperties\":{\"x\":\"y\"}}",
            QueryStreamArgs.class);
    assertEquals(Map.of("x", "y"), args.properties());
  }
}
