package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaReference;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Protobuf schemas that use messages of other files (imports, registered as schema references) or
 * other messages of their own file, and the message indexes that say which message a record holds.
 */
class ProtobufReferencesTest {
  private static final String COMMON =
      """
      syntax = "proto3";
      package acme.common;
      message Money { string currency = 1; int64 cents = 2; }
      enum Channel { WEB = 0; SHOP = 1; }
      """;
  private static final String ORDER =
      """
      syntax = "proto3";
      package acme.orders;
      import "acme/common.proto";
      message Order {
        acme.common.Money total = 1;
        .acme.common.Channel channel = 2;
        Line line = 3;
        message Line { string sku = 1; Money price = 2; }
        message Money { double amount = 1; }
      }
      message Refund { common.Money back = 1; Order.Line line = 2; }
      """;

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void importedTypesResolveByTheirFullNameAndNestedOnesShadowOuterOnes() {
    assertEquals(
        "STRUCT<`total` STRUCT<`currency` STRING, `cents` BIGINT>, `channel` STRING, "
            + "`line` STRUCT<`sku` STRING, `price` STRUCT<`amount` DOUBLE>>>",
        ProtobufSchemas.sqlType(ORDER, List.of(COMMON), Optional.empty()).toSql());
    assertEquals(
        "STRUCT<`back` STRUCT<`currency` STRING, `cents` BIGINT>, "
            + "`line` STRUCT<`sku` STRING, `price` STRUCT<`amount` DOUBLE>>>",
        ProtobufSchemas.sqlType(ORDER, List.of(COMMON), Optional.of("acme.orders.Refund")).toSql());
  }

  @Test
  void withoutItsImportsASchemaCannotBeRead() {
    assertEquals(
        "Unknown protobuf type acme.common.Money",
        assertThrows(
                SerdeException.class,
                () -> ProtobufSchemas.sqlType(ORDER, List.of(), Optional.empty()))
            .getMessage());
  }

  @Test
  void theChosenMessageIsNamedInFullOrFromTheFilesPackageAndOnlyInTheFileItself() {
    assertEquals(
        "STRUCT<`sku` STRING, `price` STRUCT<`amount` DOUBLE>>",
        ProtobufSchemas.sqlType(ORDER, List.of(COMMON), Optional.of("Order.Line")).toSql());
    assertEquals(
        "Schema acme.common.Money is not defined in the protobuf schema",
        assertThrows(
                SerdeException.class,
                () ->
                    ProtobufSchemas.sqlType(
                        ORDER, List.of(COMMON), Optional.of("acme.common.Money")))
            .getMessage());
  }

  @Test
  void messageIndexesCountTopLevelThenNestedMessages() {
    assertEquals(List.of(0), ProtobufSchemas.messageIndexes(ORDER, Optional.empty()));
    assertEquals(List.of(1), ProtobufSchemas.messageIndexes(ORDER, Optional.of("Refund")));
    assertEquals(
        List.of(0, 1),
        ProtobufSchemas.messageIndexes(ORDER, Optional.of("acme.orders.Order.Money")));
  }

  @Test
  void indexesReadFromARecordNameItsMessage() {
    byte[] nested = {0, 0, 0, 0, 1, 4, 0, 2, 0x09};
    byte[] first = {0, 0, 0, 0, 1, 0, 0x09};

    assertEquals(new ProtoMessageIndexes(List.of(0, 1), 8), ProtoMessageIndexes.read(nested));
    assertEquals(new ProtoMessageIndexes(List.of(0), 6), ProtoMessageIndexes.read(first));
    assertArrayEquals(new byte[] {4, 0, 2}, ProtoMessageIndexes.write(List.of(0, 1)));
    assertArrayEquals(new byte[] {0}, ProtoMessageIndexes.write(List.of(0)));
    assertEquals("acme.orders.Order.Money", ProtobufSchemas.messageAt(ORDER, List.of(0, 1)));
    assertEquals("acme.orders.Refund", ProtobufSchemas.messageAt(ORDER, List.of(1)));
    assertEquals(
        "The protobuf schema has no message at indexes [2]",
        assertThrows(SerdeException.class, () -> ProtobufSchemas.messageAt(ORDER, List.of(2)))
            .getMessage());
  }

  @Test
  void theColumnsOfARegisteredSchemaComeWithItsReferencedSchemas() {
    registry.register("acme/common.proto", RegisteredSchema.protobuf(COMMON));
    RegisteredSchema order =
        RegisteredSchema.protobuf(ORDER)
            .withReferences(
                List.of(new SchemaReference("acme/common.proto", "acme/common.proto", 1)));

    assertEquals(
        "STRUCT<`back` STRUCT<`currency` STRING, `cents` BIGINT>, "
            + "`line` STRUCT<`sku` STRING, `price` STRUCT<`amount` DOUBLE>>>",
        RegisteredTypes.of(order, Optional.of("acme.orders.Refund"), registry).toSql());
    assertEquals(
        "The schema imports 'acme/common.proto' from version 1 of subject 'missing', which is"
            + " not in the schema registry",
        assertThrows(
                SerdeException.class,
                () ->
                    RegisteredTypes.of(
                        order.withReferences(
                            List.of(new SchemaReference("acme/common.proto", "missing", 1))),
                        registry))
            .getMessage());
  }

  @Test
  void aRecordWrittenWithAChosenMessageOfARegisteredSchemaCarriesItsIndexes() {
    registry.register("acme/common.proto", RegisteredSchema.protobuf(COMMON));
    int id =
        registry.register(
            "refunds-value",
            RegisteredSchema.protobuf(ORDER)
                .withReferences(
                    List.of(new SchemaReference("acme/common.proto", "acme/common.proto", 1))));
    SqlType.Struct money =
        new SqlType.Struct(
            List.of(
                new SqlType.Field("currency", SqlType.STRING),
                new SqlType.Field("cents", SqlType.BIGINT)));
    List<Column> columns = List.of(new Column("BACK", money));
    FormatInfo refund =
        new FormatInfo(
            "PROTOBUF",
            Map.of(
                SerdeFactory.SCHEMA_ID,
                String.valueOf(id),
                SerdeFactory.FULL_SCHEMA_NAME,
                "acme.orders.Refund"),
            true);
    ValueSerde serde =
        SerdeFactory.valueSerde(refund, columns, new RegistryBinding(registry, "refunds"));
    Object[] row = {new Struct(money, new Object[] {"EUR", 250L})};

    byte[] bytes = serde.serialize(row);

    // header (magic byte, id 2), indexes [1] (count 1, index 1 as zig-zag varints), then field
    // 1: a message of currency "EUR" and cents 250
    assertArrayEquals(
        new byte[] {
          0, 0, 0, 0, 2, 2, 2, 0x0A, 0x08, 0x0A, 3, 'E', 'U', 'R', 0x10, (byte) 0xFA, 0x01
        },
        bytes);
    assertArrayEquals(row, serde.deserialize(bytes));
  }
}
