package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaSerdeTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final RegistryBinding people = new RegistryBinding(registry, "people");

  @Test
  void writesJsonAfterTheWireHeaderAndRegistersTheColumnsSchema() {
    ValueSerde serde =
        SerdeFactory.valueSerde(
            FormatInfo.of("JSON_SR"),
            List.of(new Column("NAME", SqlType.STRING), new Column("AGE", SqlType.INTEGER)),
            people);

    byte[] bytes = serde.serialize(new Object[] {"Ann", 7});

    assertArrayEquals(
        "\0\0\0\0\1{\"NAME\":\"Ann\",\"AGE\":7}".getBytes(StandardCharsets.UTF_8), bytes);
    assertArrayEquals(new Object[] {"Ann", 7}, serde.deserialize(bytes));
    assertEquals(
        """
        {"type":"object","properties":{"NAME":{"oneOf":[{"type":"null"},{"type":"string"}],"connect.index":0},\
        "AGE":{"oneOf":[{"type":"null"},{"type":"integer","connect.type":"int32"}],"connect.index":1}}}""",
        registry.latest("people-value").orElseThrow().schema().text());
    assertThrows(
        SerdeException.class,
        () -> serde.deserialize("{\"NAME\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aRecordWithASchemaIdTheRegistryDoesNotHaveIsADeserializationError() {
    List<Column> columns = List.of(new Column("NAME", SqlType.STRING));
    byte[] unknownId = "\0\0\0\0\7{\"NAME\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    for (String format : List.of("JSON_SR", "PROTOBUF")) {
      ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of(format), columns, people);
      assertEquals(
          "Failed to deserialize " + format + ": schema id 7 is not in the schema registry",
          assertThrows(SerdeException.class, () -> serde.deserialize(unknownId)).getMessage());
    }
  }

  @Test
  void generatedSchemasReadBackAsTheirTypes() {
    List<Column> columns =
        List.of(
            new Column("B", SqlType.BOOLEAN),
            new Column("L", SqlType.BIGINT),
            new Column("D", SqlType.DOUBLE),
            new Column("BY", SqlType.BYTES),
            new Column("DEC", new SqlType.Decimal(6, 2)),
            new Column("DT", SqlType.DATE),
            new Column("T", SqlType.TIME),
            new Column("TS", SqlType.TIMESTAMP),
            new Column("A", new SqlType.Array(SqlType.STRING)),
            new Column("M", new SqlType.Map(SqlType.STRING, SqlType.INTEGER)),
            new Column("S", new SqlType.Struct(List.of(new SqlType.Field("X", SqlType.INTEGER)))));

    assertEquals(columns, JsonSchemas.columns(JsonSchemas.of(columns, true)));
    assertEquals(
        SqlType.STRING,
        JsonSchemas.sqlType(JsonSchemas.of(List.of(new Column("V", SqlType.STRING)), false)));
  }

  @Test
  void plainJsonSchemasReadAsBigintAndDouble() {
    assertEquals(
        List.of(new Column("n", SqlType.BIGINT), new Column("x", SqlType.DOUBLE)),
        JsonSchemas.columns(
            "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"},\"x\":{\"type\":\"number\"}}}"));
    registry.register("people-value", RegisteredSchema.json("{\"type\":\"object\"}"));
    assertEquals(
        new BigDecimal("1.50"),
        SerdeFactory.valueSerde(
                FormatInfo.of("JSON_SR"),
                List.of(new Column("V", new SqlType.Decimal(4, 2))),
                people)
            .deserialize("\0\0\0\0\1{\"V\":1.5}".getBytes(StandardCharsets.UTF_8))[0]);
  }
}
