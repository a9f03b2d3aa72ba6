package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {
  private static final RegisteredSchema ORDERS_V1 =
      RegisteredSchema.avro(
          """
      {"type": "record", "name": "Order", "fields": [
        {"name": "id", "type": "long"},
        {"name": "item", "type": {"type": "record", "name": "Item", "fields": [{"name": "sku", "type": "string"}]}},
        {"name": "tags", "type": ["null", {"type": "array", "items": "string"}]},
        {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 8, "scale": 2}}]}""");
  private static final RegisteredSchema ORDERS_V2 =
      RegisteredSchema.avro(
          """
      {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "long"}]}""");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TestSession session = new TestSession(registry);

  private DataSource created(String sql) {
    PlannedStatement.CatalogUpdate update =
        assertInstanceOf(PlannedStatement.CatalogUpdate.class, session.plan(sql));
    return ((CatalogChange.AddSource) update.change()).source();
  }

  @Test
  void valueColumnsComeFromTheLatestVersionWithNamesUpperCased() {
    registry.register("orders-value", ORDERS_V1);
    registry.register("orders-value", ORDERS_V2);

    DataSource source =
        created("CREATE STREAM S WITH (kafka_topic='orders', value_format='AVRO');");

    assertEquals("`ID` BIGINT", source.schema().toSql());
    assertTrue(source.formats().value().wrapped());
  }

  @Test
  void aSchemaIdPicksThatSchemaAndIsKeptForWriting() {
    int first = registry.register("orders-value", ORDERS_V1);
    registry.register("orders-value", ORDERS_V2);

    DataSource source =
        created(
            "CREATE STREAM S WITH (kafka_topic='orders', value_format='AVRO', value_schema_id="
                + first
                + ");");

    assertEquals(
        "`ID` BIGINT, `ITEM` STRUCT<`SKU` STRING>, `TAGS` ARRAY<STRING>, `PRICE` DECIMAL(8, 2)",
        source.schema().toSql());
    assertEquals(
        String.valueOf(first), source.formats().value().options().get(SerdeFactory.SCHEMA_ID));
  }

  @Test
  void theLatestVersionInferredFromIsPinnedForWritingAndADeclaredSideIsNot() {
    registry.register("orders-value", ORDERS_V1);
    int latest = registry.register("orders-value", ORDERS_V2);
    int key = registry.register("orders-key", RegisteredSchema.avro("{\"type\": \"long\"}"));

    DataSource inferred =
        created(
            "CREATE TABLE T WITH (kafka_topic='orders', key_format='AVRO', value_format='AVRO');");
    DataSource declaredValue =
        created(
            "CREATE TABLE D (V STRING) WITH (kafka_topic='orders', key_format='AVRO', "
                + "value_format='AVRO');");

    assertEquals(
        String.valueOf(key), inferred.formats().key().options().get(SerdeFactory.SCHEMA_ID));
    assertEquals(
        String.valueOf(latest), inferred.formats().value().options().get(SerdeFactory.SCHEMA_ID));
    assertEquals(
        String.valueOf(key), declaredValue.formats().key().options().get(SerdeFactory.SCHEMA_ID));
    assertFalse(declaredValue.formats().value().options().containsKey(SerdeFactory.SCHEMA_ID));
  }

  @Test
  void anUnwrappedOrNonRecordSchemaIsOneRowvalColumn() {
    registry.register("orders-value", ORDERS_V2);
    registry.register("counts-value", RegisteredSchema.avro("\"int\""));

    DataSource record =
        created(
            "CREATE STREAM S WITH (kafka_topic='orders', value_format='AVRO', "
                + "wrap_single_value=false);");
    DataSource primitive =
        created("CREATE STREAM C WITH (kafka_topic='counts', value_format='AVRO');");

    assertEquals("`ROWVAL` STRUCT<`ID` BIGINT>", record.schema().toSql());
    assertFalse(record.formats().value().wrapped());
    assertEquals("`ROWVAL` INTEGER", primitive.schema().toSql());
    assertFalse(primitive.formats().value().wrapped());
  }

  @Test
  void keyAndValueAreInferredTogetherAndDeclaredColumnsAreKept() {
    registry.register("orders-key", RegisteredSchema.avro("\"string\""));
    registry.register("orders-value", ORDERS_V2);

    assertEquals(
        "`ROWKEY` STRING KEY, `ID` BIGINT",
        created("CREATE TABLE T WITH (kafka_topic='orders', format='AVRO');").schema().toSql());
    assertEquals(
        "`K` INTEGER KEY, `ID` BIGINT",
        created("CREATE STREAM S (K INT KEY) WITH (kafka_topic='orders', value_format='AVRO');")
            .schema()
            .toSql());
  }

  @Test
  void jsonSchemasAreInferredToo() {
    registry.register(
        "people-value",
        RegisteredSchema.json(
            """
        {"type": "object", "properties": {"name": {"type": "string"},
          "age": {"type": "integer", "connect.type": "int32"}, "score": {"type": "number"}}}"""));

    assertEquals(
        "`NAME` STRING, `AGE` INTEGER, `SCORE` DOUBLE",
        created("CREATE STREAM P WITH (kafka_topic='people', value_format='JSON_SR');")
            .schema()
            .toSql());
  }

  @Test
  void refusalsSayWhatIsMissingOrConflicting() {
    registry.register("orders-value", ORDERS_V2);

    assertEquals(
        "line 1:1: Schema for message values on topic 'none' does not exist in the schema registry. "
            + "Subject: none-value",
        error("CREATE STREAM S WITH (kafka_topic='none', value_format='AVRO');"));
    assertEquals(
        "line 1:1: Schema id 99 does not exist in the schema registry.",
        error(
            "CREATE STREAM S WITH (kafka_topic='orders', value_format='AVRO', value_schema_id=99);"));
    assertEquals(
        "line 1:53: Table elements and VALUE_SCHEMA_ID cannot both exist for create statement.",
        error(
            "CREATE STREAM S (A INT) WITH (kafka_topic='orders', value_schema_id=1, value_format='AVRO');"));
  }

  @Test
  void aQueryWithASchemaIdMustMatchThatSchemasLeadingFields() {
    int id =
        registry.register(
            "out-value",
            RegisteredSchema.avro(
                """
        {"type": "record", "name": "Out", "fields": [{"name": "c2", "type": "double"}, {"name": "c1", "type": "int"}]}"""));
    session.run("CREATE STREAM S (`c1` INT) WITH (kafka_topic='s', value_format='AVRO');");

    assertEquals(
        "line 1:1: The following value columns are changed, missing or reordered: [`c1` INTEGER]. Schema "
            + "from schema registry is [`c2` DOUBLE, `c1` INTEGER]",
        error("CREATE STREAM OUT WITH (value_schema_id=" + id + ") AS SELECT * FROM S;"));
  }

  @Test
  void anAvroFieldNoColumnFillsNeedsADefaultOrNull() {
    int unfillable =
        registry.register(
            "out-value",
            RegisteredSchema.avro(
                """
        {"type": "record", "name": "Out", "fields": [{"name": "c1", "type": "int"},
          {"name": "c2", "type": "double"}, {"name": "c3", "type": ["null", "string"]},
          {"name": "c4", "type": "long", "default": 0}]}"""));
    int fillable =
        registry.register(
            "out2-value",
            RegisteredSchema.avro(
                """
        {"type": "record", "name": "Out", "fields": [{"name": "c1", "type": "int"},
          {"name": "c3", "type": ["null", "string"]}, {"name": "c4", "type": "long", "default": 0}]}"""));
    session.run("CREATE STREAM S (`c1` INT) WITH (kafka_topic='s', value_format='AVRO');");

    assertEquals(
        "line 1:1: Cannot write values with schema id "
            + unfillable
            + ": its fields [c2] have no default and cannot be null, and no column fills them.",
        error("CREATE STREAM OUT WITH (value_schema_id=" + unfillable + ") AS SELECT * FROM S;"));
    assertInstanceOf(
        PlannedStatement.PersistentQuery.class,
        session.plan(
            "CREATE STREAM OUT2 WITH (value_schema_id=" + fillable + ") AS SELECT * FROM S;"));
  }

  @Test
  void aProtobufKeyOfOneColumnIsTheOneFieldOfItsMessage() {
    int id =
        registry.register(
            "out-key",
            RegisteredSchema.protobuf("syntax = \"proto3\"; message Key { int32 id = 1; }"));
    session.run(
        "CREATE STREAM S (`id` INT KEY, `c1` INT) WITH (kafka_topic='s', value_format='AVRO');");

    assertInstanceOf(
        PlannedStatement.PersistentQuery.class,
        session.plan(
            "CREATE STREAM OUT WITH (key_format='PROTOBUF', key_schema_id="
                + id
                + ") AS SELECT * FROM S;"));
  }

  @Test
  void aProtobufSchemaTakesTheMessagesOfTheSchemasItsReferencesPointAt() {
    registry.register(
        "money",
        RegisteredSchema.protobuf(
            "syntax = \"proto3\"; package m; message Money { string currency = 1; }"));
    RegisteredSchema shipment =
        RegisteredSchema.protobuf(
                "syntax = \"proto3\"; import \"m.proto\";"
                    + " message Shipment { string id = 1; m.Money cost = 2; }"
                    + " message Return { m.Money refund = 1; }")
            .withReferences(List.of(new SchemaReference("m.proto", "money", 1)));
    int id = registry.register("shipments-value", shipment);
    registry.register(
        "dangling-value",
        shipment.withReferences(List.of(new SchemaReference("m.proto", "money", 2))));

    assertEquals(
        "`ID` STRING, `COST` STRUCT<`CURRENCY` STRING>",
        created("CREATE STREAM S WITH (kafka_topic='shipments', value_format='PROTOBUF');")
            .schema()
            .toSql());
    session.run(
        "CREATE STREAM R (refund STRUCT<currency STRING>)"
            + " WITH (kafka_topic='r', value_format='PROTOBUF');");
    session.plan(
        "CREATE STREAM R2 WITH (value_schema_id="
            + id
            + ", value_schema_full_name='Return') AS SELECT * FROM R;");
    assertEquals(
        "line 1:1: The following value columns are changed, missing or reordered:"
            + " [`REFUND` STRUCT<`CURRENCY` STRING>]. Schema from schema registry is"
            + " [`id` STRING, `cost` STRUCT<`currency` STRING>]",
        error("CREATE STREAM R3 WITH (value_schema_id=" + id + ") AS SELECT * FROM R;"));
    assertEquals(
        "line 1:1: Cannot infer the columns of topic 'dangling': The schema imports 'm.proto'"
            + " from version 2 of subject 'money', which is not in the schema registry",
        error("CREATE STREAM D WITH (kafka_topic='dangling', value_format='PROTOBUF');"));
  }

  private String error(String sql) {
    return assertThrows(PlanningException.class, () -> session.plan(sql)).getMessage();
  }
}
