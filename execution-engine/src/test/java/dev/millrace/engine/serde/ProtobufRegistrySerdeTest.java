package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtobufRegistrySerdeTest {
  private static final FormatInfo PROTOBUF = FormatInfo.of("PROTOBUF");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final RegistryBinding orders = new RegistryBinding(registry, "orders");

  @Test
  void writesTheHeaderTheFirstMessageIndexAndTheMessage() {
    ValueSerde serde =
        SerdeFactory.valueSerde(
            PROTOBUF,
            List.of(new Column("A", SqlType.INTEGER), new Column("B", SqlType.STRING)),
            orders);

    byte[] bytes = serde.serialize(new Object[] {150, "hi"});

    assertArrayEquals(
        new byte[] {0, 0, 0, 0, 1, 0, 0x08, (byte) 0x96, 0x01, 0x12, 0x02, 'h', 'i'}, bytes);
    assertArrayEquals(new Object[] {150, "hi"}, serde.deserialize(bytes));
    assertEquals(
        """
        syntax = "proto3";

        message ConnectDefault1 {
          int32 A = 1;
          string B = 2;
        }
        """,
        registry.latest("orders-value").orElseThrow().schema().text());
  }

  @Test
  void readsPastLongerMessageIndexes() {
    ValueSerde serde =
        SerdeFactory.valueSerde(PROTOBUF, List.of(new Column("A", SqlType.INTEGER)), orders);
    registry.register(
        "orders-value",
        RegisteredSchema.protobuf(
            "syntax = \"proto3\"; message Other {} message Order { int32 A = 1; }"));

    // indexes [1, 0]: count 2 and the indexes as zig-zag varints, then field 1 = 7
    assertArrayEquals(
        new Object[] {7}, serde.deserialize(new byte[] {0, 0, 0, 0, 1, 4, 2, 0, 0x08, 0x07}));
  }

  @Test
  void aSingleKeyIsAMessageAndKeysOfNullsAreStillWrittenByProducers() {
    List<Column> key = List.of(new Column("F1", SqlType.BOOLEAN));

    KeySerde keys = SerdeFactory.keySerde(PROTOBUF, key, Optional.empty(), orders);
    byte[] empty =
        SerdeFactory.keyColumnsSerde(PROTOBUF, key, orders).serialize(new Object[] {null});

    assertArrayEquals(
        new byte[] {0, 0, 0, 0, 1, 0, 0x08, 0x01}, keys.serialize(new Object[] {true}, null));
    assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 0}, empty);
    assertArrayEquals(new Object[] {false}, keys.deserialize(empty).columns());
  }

  @Test
  void generatedSchemasDeclareNestedMessagesAndWellKnownTypes() {
    SqlType.Struct point = new SqlType.Struct(List.of(new SqlType.Field("X", SqlType.DOUBLE)));

    assertEquals(
        """
        syntax = "proto3";

        message ConnectDefault1 {
          repeated int64 IDS = 1;
          map<string, bool> FLAGS = 2;
          ConnectDefault2 P = 3;
          google.type.Date D = 4;
          message ConnectDefault2 {
            double X = 1;
          }
        }
        """,
        ProtobufSchemas.of(
            List.of(
                new Column("IDS", new SqlType.Array(SqlType.BIGINT)),
                new Column("FLAGS", new SqlType.Map(SqlType.STRING, SqlType.BOOLEAN)),
                new Column("P", point),
                new Column("D", SqlType.DATE))));
  }

  @Test
  void readsTheTypesOfAProtoFile() {
    String proto =
        """
        syntax = "proto3";
        package acme;
        import "google/protobuf/wrappers.proto";
        // the first message is the default
        message Order {
          enum Status { NEW = 0; SHIPPED = 1; }
          message Line { string sku = 1; uint32 qty = 2; }
          int64 id = 1;
          Status status = 2;
          repeated Line lines = 3;
          map<string, double> prices = 4;
          google.protobuf.StringValue note = 5 [deprecated = true];
          oneof paid { bool cash = 6; float card = 7; }
        }
        message Refund { int32 order = 1; }
        """;

    assertEquals(
        "STRUCT<`id` BIGINT, `status` STRING, `lines` ARRAY<STRUCT<`sku` STRING, `qty` BIGINT>>, "
            + "`prices` MAP<STRING, DOUBLE>, `note` STRING, `cash` BOOLEAN, `card` DOUBLE>",
        ProtobufSchemas.sqlType(proto, Optional.empty()).toSql());
    assertEquals(
        "STRUCT<`order` INTEGER>",
        ProtobufSchemas.sqlType(proto, Optional.of("acme.Refund")).toSql());
    assertEquals(
        "Unknown protobuf type Event",
        assertThrows(
                SerdeException.class,
                () ->
                    ProtobufSchemas.sqlType(
                        "syntax = \"proto3\"; message A { Event e = 1; }", Optional.empty()))
            .getMessage());
    assertEquals(
        "Schema Missing is not defined in the protobuf schema",
        assertThrows(
                SerdeException.class, () -> ProtobufSchemas.sqlType(proto, Optional.of("Missing")))
            .getMessage());
  }

  @Test
  void aConfluentDecimalTakesThePrecisionAndScaleItsFieldDeclares() {
    String proto =
        """
        syntax = "proto3";
        import "confluent/type/decimal.proto";
        message M {
          confluent.type.Decimal price = 1 [(confluent.field_meta) = { params: [
            { value: "4", key: "precision" }, { key: "scale", value: "2" }]}];
          confluent.type.Decimal whole = 2 [(confluent.field_meta) = { params: [
            { key: "precision", value: "10" }]}];
          confluent.type.Decimal bare = 3;
        }
        """;

    assertEquals(
        "STRUCT<`price` DECIMAL(4, 2), `whole` DECIMAL(10, 0), `bare` DECIMAL(64, 0)>",
        ProtobufSchemas.sqlType(proto, Optional.empty()).toSql());
  }
}
