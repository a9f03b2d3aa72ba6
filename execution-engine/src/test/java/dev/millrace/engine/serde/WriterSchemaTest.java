package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The schemas a query registers before it starts ({@link SerdeFactory#valueSchema}, {@link
 * SerdeFactory#keySchema}) are the ones its serdes then write with.
 */
class WriterSchemaTest {
  private static final List<Column> VALUE =
      List.of(new Column("NAME", SqlType.STRING), new Column("AGE", SqlType.INTEGER));
  private static final List<Column> KEY = List.of(new Column("ID", SqlType.BIGINT));

  @Test
  void eachRegistryFormatGivesTheSchemaItsSerdeRegisters() {
    for (String format : List.of("AVRO", "JSON_SR", "PROTOBUF")) {
      InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
      RegistryBinding binding = new RegistryBinding(registry, "people");
      FormatInfo info = FormatInfo.of(format);

      SerdeFactory.valueSerde(info, VALUE, binding).serialize(new Object[] {"ann", 30});
      SerdeFactory.keyColumnsSerde(info, KEY, binding).serialize(new Object[] {7L});

      assertEquals(
          registry.latest("people-value").map(v -> v.schema()),
          SerdeFactory.valueSchema(info, VALUE),
          format + " value");
      assertEquals(
          registry.latest("people-key").map(v -> v.schema()),
          SerdeFactory.keySchema(info, KEY),
          format + " key");
    }
  }

  @Test
  void theAvroRecordTakesTheFullNameTheFormatGives() {
    FormatInfo named =
        new FormatInfo("AVRO", Map.of(SerdeFactory.FULL_SCHEMA_NAME, "com.example.Person"), true);

    RegisteredSchema schema = SerdeFactory.valueSchema(named, VALUE).orElseThrow();

    assertEquals(
        "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"com.example\",\"fields\":["
            + "{\"name\":\"NAME\",\"type\":[\"null\",\"string\"],\"default\":null},"
            + "{\"name\":\"AGE\",\"type\":[\"null\",\"int\"],\"default\":null}]}",
        schema.text());
  }

  @Test
  void nothingIsRegisteredForANamedSchemaIdAFormatWithoutARegistryOrAKeylessStream() {
    FormatInfo withId = new FormatInfo("AVRO", Map.of(SerdeFactory.SCHEMA_ID, "3"), true);

    assertEquals(Optional.empty(), SerdeFactory.valueSchema(withId, VALUE));
    assertEquals(Optional.empty(), SerdeFactory.valueSchema(FormatInfo.of("JSON"), VALUE));
    assertEquals(Optional.empty(), SerdeFactory.valueSchema(FormatInfo.of("PROTOBUF_NOSR"), VALUE));
    assertEquals(Optional.empty(), SerdeFactory.keySchema(FormatInfo.of("AVRO"), List.of()));
  }
}
