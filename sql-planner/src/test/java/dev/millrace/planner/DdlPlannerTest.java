package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.TimestampColumn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DdlPlannerTest {
  private final TestSession session = new TestSession();

  private DataSource created(String sql) {
    PlannedStatement.CatalogUpdate update =
        assertInstanceOf(PlannedStatement.CatalogUpdate.class, session.plan(sql));
    return ((CatalogChange.AddSource) update.change()).source();
  }

  @Test
  void createStreamRecordsColumnsTopicFormatsAndTimestamp() {
    DataSource source =
        created(
            "CREATE STREAM S (ID BIGINT KEY, TS BIGINT, TAGS ARRAY<STRING>) WITH "
                + "(kafka_topic='events', value_format='json', timestamp='ts');");

    assertEquals(
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)),
            List.of(
                new Column("TS", SqlType.BIGINT),
                new Column("TAGS", new SqlType.Array(SqlType.STRING)))),
        source.schema());
    assertEquals("events", source.topic());
    assertEquals(new FormatInfo("KAFKA", Map.of(), false), source.formats().key());
    assertEquals(new FormatInfo("JSON", Map.of(), true), source.formats().value());
    assertEquals(Optional.of(new TimestampColumn("TS", Optional.empty())), source.timestamp());
  }

  @Test
  void partitionsAskForTheTopicToBeCreated() {
    PlannedStatement.CatalogUpdate update =
        (PlannedStatement.CatalogUpdate)
            session.plan(
                "CREATE TABLE T (ID INT PRIMARY KEY, V STRING) WITH (value_format='DELIMITED', value_delimiter=';', "
                    + "partitions=3, replicas=1);");

    assertEquals(
        Optional.of(new TopicRequest("T", OptionalInt.of(3), OptionalInt.of(1), NodeLocation.NONE)),
        update.createTopic());
    DataSource table = ((CatalogChange.AddSource) update.change()).source();
    assertEquals(
        new FormatInfo("DELIMITED", Map.of("delimiter", ";"), false), table.formats().value());
  }

  @Test
  void formatSetsKeyAndValueFormatsAndSessionDefaultsApply() {
    assertEquals(
        "JSON",
        created("CREATE STREAM A (K STRING KEY, V INT) WITH (format='JSON');")
            .formats()
            .key()
            .format());
    session.set(PlannerConfig.VALUE_FORMAT, "delimited");
    assertEquals(
        "DELIMITED",
        created("CREATE STREAM B (V INT) WITH (kafka_topic='b');").formats().value().format());
  }

  @Test
  void windowedSourcesDeclareTheirWindow() {
    DataSource source =
        created(
            "CREATE TABLE W (K STRING PRIMARY KEY, N BIGINT) WITH (kafka_topic='w', "
                + "value_format='JSON', window_type='Tumbling', window_size='30 SECONDS');");

    assertEquals(Optional.of(WindowInfo.tumbling(30_000)), source.formats().keyWindow());
  }

  @Test
  void dropsAndTypesChangeTheCatalog() {
    session.run(
        "CREATE TYPE ADDRESS AS STRUCT<STREET STRING, CITY STRING>;"
            + "CREATE STREAM S (ID INT KEY, HOME ADDRESS) WITH (kafka_topic='s', value_format='JSON');");
    assertEquals(
        new SqlType.Struct(
            List.of(
                new SqlType.Field("STREET", SqlType.STRING),
                new SqlType.Field("CITY", SqlType.STRING))),
        session.catalog().source("S").orElseThrow().schema().value().get(0).type());

    PlannedStatement.CatalogUpdate drop =
        (PlannedStatement.CatalogUpdate) session.plan("DROP STREAM S DELETE TOPIC;");
    assertEquals(new CatalogChange.RemoveSource("S"), drop.change());
    assertEquals(Optional.of("s"), drop.deleteTopic());
    assertInstanceOf(PlannedStatement.NoChange.class, session.plan("DROP STREAM IF EXISTS NOPE;"));
  }

  @Test
  void alterAddsValueColumns() {
    session.run("CREATE STREAM S (ID INT KEY, A INT) WITH (kafka_topic='s', value_format='JSON');");

    DataSource altered = created("ALTER STREAM S ADD COLUMN B STRING;");

    assertEquals(
        List.of(new Column("A", SqlType.INTEGER), new Column("B", SqlType.STRING)),
        altered.schema().value());
  }

  @Test
  void aSourceInUseCannotBeDropped() {
    session.run(
        "CREATE STREAM S (ID INT KEY, A INT) WITH (kafka_topic='s', value_format='JSON');"
            + "CREATE STREAM S2 AS SELECT * FROM S;");

    PlanningException error =
        assertThrows(PlanningException.class, () -> session.plan("DROP STREAM S;"));
    assertEquals(
        "line 1:1: Cannot drop S.\nThe following queries read from this source: [CSAS_S2_1].\n"
            + "The following queries write into this source: [].\nYou need to terminate them before dropping S.",
        error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      CREATE TABLE T (ID INT KEY, V INT) WITH (kafka_topic='t', value_format='JSON');          | line 1:17: Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.
      CREATE STREAM S (ID INT PRIMARY KEY, V INT) WITH (kafka_topic='s', value_format='JSON'); | line 1:18: Column `ID` is a 'PRIMARY KEY' column: please use 'KEY' for streams.
      CREATE TABLE T (V INT) WITH (kafka_topic='t', value_format='JSON');                      | line 1:1: Tables require a PRIMARY KEY. Please define the PRIMARY KEY.
      CREATE STREAM S (ROWTIME BIGINT) WITH (kafka_topic='s', value_format='JSON');            | line 1:18: 'ROWTIME' is a reserved column name. You cannot use it as a name for a column.
      CREATE STREAM S (A INT, A STRING) WITH (kafka_topic='s', value_format='JSON');           | line 1:25: Duplicate column names: `A`
      CREATE STREAM S (A INT) WITH (kafka_topic='s');                                          | line 1:1: Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='FOO');                      | line 1:48: Unknown format: FOO
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='AVRO');                     | line 1:48: The 'AVRO' format: This format needs a schema registry, but 'ksql.schema.registry.url' is not set. Set it to the URL of a Confluent-compatible schema registry.
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='JSON', value_schema_id=1);  | line 1:69: JSON does not support the following configs: [VALUE_SCHEMA_ID]
      CREATE STREAM S WITH (kafka_topic='s', value_format='JSON');                             | line 1:1: The statement does not define any columns.
      CREATE STREAM S (A INT) WITH (kafka_topic='s', format='JSON', value_format='JSON');      | line 1:48: Cannot supply both 'VALUE_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.
      CREATE STREAM S (A INT, B INT) WITH (kafka_topic='s', value_format='KAFKA');             | line 1:1: The 'KAFKA' format only supports a single field. Got: [`A` INTEGER, `B` INTEGER]
      CREATE STREAM S (A ARRAY<INT>) WITH (kafka_topic='s', value_format='DELIMITED');         | line 1:1: The 'DELIMITED' format does not support type 'ARRAY', column: `A`
      CREATE STREAM S (K MAP<STRING, INT> KEY, A INT) WITH (kafka_topic='s', value_format='JSON'); | line 1:1: Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: `K`.
      CREATE STREAM S (A INT, B INT) WITH (kafka_topic='s', value_format='JSON', wrap_single_value=false); | line 1:76: 'WRAP_SINGLE_VALUE' is only valid for single-field value schemas
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='DELIMITED', wrap_single_value=true); | line 1:74: Format 'DELIMITED' does not support 'WRAP_SINGLE_VALUE' set to 'true'.
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='JSON', value_delimiter=';'); | line 1:69: JSON does not support the following configs: [delimiter]
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='DELIMITED', value_delimiter='<~>'); | line 1:74: Configuration VALUE_DELIMITER is invalid: Invalid delimiter value: '<~>'. Delimiter must be a single character or TAB,SPACE
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='JSON', foo='bar');          | line 1:69: Invalid config variable(s) in the WITH clause: FOO.
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='JSON', timestamp='b');      | line 1:69: The TIMESTAMP column set in the WITH clause does not exist in the schema: 'B'
      CREATE STREAM S (A STRING) WITH (kafka_topic='s', value_format='JSON', timestamp='a');   | line 1:72: Timestamp column, `A`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified.
      CREATE STREAM S (K INT KEY, A INT) WITH (kafka_topic='s', value_format='JSON', window_type='SESSION', window_size='1 SECOND'); | line 1:103: 'WINDOW_SIZE' should not be set for SESSION windows.
      CREATE STREAM S (K INT KEY, A INT) WITH (kafka_topic='s', value_format='JSON', window_type='TUMBLING', window_size='30 bobs'); | line 1:104: Configuration WINDOW_SIZE is invalid: Invalid duration: '30 bobs'. Unknown time unit: 'BOBS'
      CREATE STREAM S (A INT) WITH (kafka_topic='s', value_format='JSON', window_type='TUMBLING', window_size='1 SECOND'); | line 1:1: Windowed sources require a key column.
      CREATE STREAM S (A NOPE) WITH (kafka_topic='s', value_format='JSON');                    | line 1:18: Unknown type: NOPE.
      CREATE STREAM S (A DECIMAL(40, 2)) WITH (kafka_topic='s', value_format='JSON');          | line 1:18: DECIMAL precision must be between 1 and 38: DECIMAL(40, 2)
      DROP STREAM NOPE;                                                                        | line 1:1: Stream NOPE does not exist
      DROP TABLE S0;                                                                           | line 1:1: Incompatible data source type is STREAM, but statement was DROP TABLE
      CREATE STREAM S0 (A INT) WITH (kafka_topic='s', value_format='JSON');                    | line 1:1: Cannot add stream 'S0': A stream with the same name already exists
      CREATE SOURCE STREAM S0 (A INT) WITH (kafka_topic='s', value_format='JSON');             | line 1:1: Cannot add stream 'S0': A stream with the same name already exists
      DROP TYPE NOPE;                                                                          | line 1:1: Type NOPE does not exist.
      """)
  void rejectsInvalidDdl(String sql, String message) {
    session.run("CREATE STREAM S0 (A INT) WITH (kafka_topic='s0', value_format='JSON');");
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message, error.getMessage());
  }
}
