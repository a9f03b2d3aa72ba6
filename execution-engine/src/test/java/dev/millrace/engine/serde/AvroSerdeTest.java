package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.engine.types.Struct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private static final FormatInfo AVRO = FormatInfo.of("AVRO");
  private static final SqlType.Struct ADDRESS =
      new SqlType.Struct(
          List.of(
              new SqlType.Field("CITY", SqlType.STRING),
              new SqlType.Field("ZIP", SqlType.INTEGER)));

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final RegistryBinding orders = new RegistryBinding(registry, "orders");

  @Test
  void writesConfluentWireFormatWithTheSchemaRegisteredUnderTheTopicsValueSubject() {
    ValueSerde serde =
        SerdeFactory.valueSerde(AVRO, List.of(new Column("ID", SqlType.INTEGER)), orders);

    byte[] bytes = serde.serialize(new Object[] {150});

    int id = registry.latest("orders-value").orElseThrow().id();
    // magic 0, id 1 as 4 bytes big-endian, union branch 1 (zig-zag 2), 150 as a zig-zag varint (300
    // = 0xAC 0x02)
    assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 2, (byte) 0xAC, 0x02}, bytes);
    assertEquals(1, id);
    assertEquals(
        """
        {"type":"record","name":"KsqlDataSourceSchema","namespace":"io.confluent.ksql.avro_schemas","fields":\
        [{"name":"ID","type":["null","int"],"default":null}]}""",
        registry.byId(id).orElseThrow().text());
  }

  @Test
  void roundTripsEveryTypeAndNulls() {
    List<Column> columns =
        List.of(
            new Column("B", SqlType.BOOLEAN),
            new Column("I", SqlType.INTEGER),
            new Column("L", SqlType.BIGINT),
            new Column("D", SqlType.DOUBLE),
            new Column("S", SqlType.STRING),
            new Column("BY", SqlType.BYTES),
            new Column("DEC", new SqlType.Decimal(6, 2)),
            new Column("DT", SqlType.DATE),
            new Column("T", SqlType.TIME),
            new Column("TS", SqlType.TIMESTAMP),
            new Column("A", new SqlType.Array(SqlType.INTEGER)),
            new Column("M", new SqlType.Map(SqlType.STRING, SqlType.DOUBLE)),
            new Column("ADDR", ADDRESS),
            new Column("AA", new SqlType.Array(ADDRESS)),
            new Column("N", SqlType.STRING));
    ValueSerde serde = SerdeFactory.valueSerde(AVRO, columns, orders);
    Object[] row = {
      true,
      -7,
      1L << 40,
      2.5,
      "héllo",
      ByteBuffer.wrap(new byte[] {1, 2}),
      new BigDecimal("-12.34"),
      19000,
      45_296_789L,
      1_651_182_287_943L,
      Arrays.asList(1, null, 3),
      Map.of("k", 1.5),
      new Struct(ADDRESS, new Object[] {"Oslo", null}),
      List.of(new Struct(ADDRESS, new Object[] {"Rome", 100})),
      null
    };

    assertArrayEquals(row, serde.deserialize(serde.serialize(row)));
    assertNull(serde.serialize(null));
    assertNull(serde.deserialize(null));
  }

  @Test
  void anUnwrappedValueIsTheBareDatumAndKeysAreUnwrapped() {
    List<Column> one = List.of(new Column("V", SqlType.STRING));
    ValueSerde value =
        SerdeFactory.valueSerde(new FormatInfo("AVRO", Map.of(), false), one, orders);
    KeySerde key = SerdeFactory.keySerde(AVRO, one, Optional.empty(), orders);

    assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 2, 2, 'x'}, value.serialize(new Object[] {"x"}));
    assertArrayEquals(new Object[] {null}, value.deserialize(value.serialize(new Object[] {null})));
    assertArrayEquals(
        new Object[] {"k"}, key.deserialize(key.serialize(new Object[] {"k"}, null)).columns());
    assertEquals(
        "[\"null\",\"string\"]", registry.latest("orders-key").orElseThrow().schema().text());
  }

  @Test
  void readsAnyWriterSchemaByFieldNameIgnoringCaseAndCoercingInts() throws IOException {
    Schema writer =
        new Schema.Parser()
            .parse(
                """
        {"type": "record", "name": "Other", "fields": [
          {"name": "extra", "type": "string"}, {"name": "count", "type": "int"},
          {"name": "suit", "type": {"type": "enum", "name": "Suit", "symbols": ["SPADES", "HEARTS"]}}]}""");
    int id = registry.register("producer-value", RegisteredSchema.avro(writer.toString()));
    GenericRecord record = new GenericData.Record(writer);
    record.put("extra", "ignored");
    record.put("count", 5);
    record.put("suit", new GenericData.EnumSymbol(writer.getField("suit").schema(), "HEARTS"));
    ValueSerde serde =
        SerdeFactory.valueSerde(
            AVRO,
            List.of(
                new Column("SUIT", SqlType.STRING),
                new Column("COUNT", SqlType.BIGINT),
                new Column("MISSING", SqlType.INTEGER)),
            orders);

    assertArrayEquals(
        new Object[] {"HEARTS", 5L, null}, serde.deserialize(confluent(id, writer, record)));
  }

  @Test
  void writesWithARegisteredSchemaByIdFillingItsDefaults() {
    int id =
        registry.register(
            "orders-value",
            RegisteredSchema.avro(
                """
        {"type": "record", "name": "Order", "fields": [
          {"name": "id", "type": "int"}, {"name": "qty", "type": "int", "default": 1},
          {"name": "note", "type": ["null", "string"], "default": null}]}"""));
    FormatInfo format =
        new FormatInfo("AVRO", Map.of(SerdeFactory.SCHEMA_ID, String.valueOf(id)), true);
    ValueSerde serde =
        SerdeFactory.valueSerde(
            format,
            List.of(new Column("ID", SqlType.INTEGER), new Column("QTY", SqlType.INTEGER)),
            orders);

    byte[] bytes = serde.serialize(new Object[] {7, null});

    assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());
    assertArrayEquals(new Object[] {7, 1}, serde.deserialize(bytes));
    assertEquals(1, registry.latest("orders-value").orElseThrow().version());
  }

  @Test
  void badRecordsAndMissingRegistriesAreClearErrors() {
    ValueSerde serde =
        SerdeFactory.valueSerde(AVRO, List.of(new Column("ID", SqlType.INTEGER)), orders);

    assertEquals(
        "Failed to deserialize AVRO: unknown magic byte; the record was not written with a schema registry "
            + "serializer",
        assertThrows(SerdeException.class, () -> serde.deserialize(new byte[] {'{', '}'}))
            .getMessage());
    assertEquals(
        "Failed to deserialize AVRO: schema id 42 is not in the schema registry",
        assertThrows(SerdeException.class, () -> serde.deserialize(new byte[] {0, 0, 0, 0, 42, 0}))
            .getMessage());
    assertEquals(
        "This format needs a schema registry, but 'ksql.schema.registry.url' is not set. Set it to the URL "
            + "of a Confluent-compatible schema registry.",
        assertThrows(
                RuntimeException.class,
                () ->
                    SerdeFactory.valueSerde(
                        AVRO,
                        List.of(),
                        new RegistryBinding(UnconfiguredSchemaRegistry.INSTANCE, "t")))
            .getMessage());
  }

  private static byte[] confluent(int id, Schema schema, Object datum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, 0, 0, 0, (byte) id});
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<>(schema).write(datum, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
