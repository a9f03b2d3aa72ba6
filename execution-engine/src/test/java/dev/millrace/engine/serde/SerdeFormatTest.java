package dev.millrace.engine.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerdeFormatTest {
  private static final RegistryBinding REGISTRY =
      new RegistryBinding(new InMemorySchemaRegistry(), "t");

  @Test
  void everyFormatHasASerdeThatRoundTrips() {
    for (SerdeFormat format : SerdeFormat.values()) {
      List<Column> columns =
          format == SerdeFormat.NONE ? List.of() : List.of(new Column("V", SqlType.STRING));
      Object[] row = format == SerdeFormat.NONE ? new Object[0] : new Object[] {"x"};
      FormatInfo info = FormatInfo.of(format.name());
      ValueSerde value = SerdeFactory.valueSerde(info, columns, REGISTRY);
      KeySerde key = SerdeFactory.keySerde(info, columns, Optional.empty(), REGISTRY);
      if (format != SerdeFormat.NONE) {
        assertArrayEquals(row, value.deserialize(value.serialize(row)), format.name());
        assertArrayEquals(row, key.deserialize(key.serialize(row, null)).columns(), format.name());
      }
    }
  }

  @Test
  void capabilities() {
    assertEquals(
        "KAFKA NEVER, JSON OPTIONAL, DELIMITED NEVER, NONE NEVER, AVRO OPTIONAL registry, "
            + "JSON_SR OPTIONAL registry, PROTOBUF ALWAYS registry, PROTOBUF_NOSR ALWAYS",
        Arrays.stream(SerdeFormat.values())
            .map(f -> f + " " + f.wrapping() + (f.usesRegistry() ? " registry" : ""))
            .collect(Collectors.joining(", ")));
    assertEquals(Optional.of(SerdeFormat.JSON_SR), SerdeFormat.of("json_sr"));
    assertEquals(Optional.empty(), SerdeFormat.of("XML"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      KAFKA     | A INT, B INT         | The 'KAFKA' format only supports a single field. Got: [`A` INTEGER, `B` INTEGER]
      KAFKA     | A BOOLEAN            | The 'KAFKA' format does not support type 'BOOLEAN', column: `A`
      DELIMITED | A ARRAY              | The 'DELIMITED' format does not support type 'ARRAY', column: `A`
      NONE      | A INT                | The 'NONE' format can only be used when no columns are defined. Got: [`A` INTEGER]
      JSON      | A MAP                | JSON only supports MAP types with STRING keys
      AVRO      | A MAP                | Avro only supports MAPs with STRING keys
      AVRO      | 1A INT               | Schema is not compatible with Avro: column name `1A` is not a valid Avro name (letters, digits and underscores, not starting with a digit)
      AVRO      | A INT                | ok
      PROTOBUF_NOSR | A MAP            | ok
      """)
  void unsupportedColumns(String format, String columns, String expected) {
    List<Column> parsed = Arrays.stream(columns.split(", ")).map(SerdeFormatTest::column).toList();
    assertEquals(expected, SerdeFormat.named(format).unsupported(parsed, false).orElse("ok"));
  }

  @Test
  void keysCannotHoldMaps() {
    assertEquals(
        "Map keys, including types that contain maps, are not supported as they may lead to unexpected "
            + "behavior due to inconsistent serialization. Key column name: `K`.",
        SerdeFormat.AVRO
            .unsupported(
                List.of(
                    new Column(
                        "K", new SqlType.Array(new SqlType.Map(SqlType.STRING, SqlType.INTEGER)))),
                true)
            .orElseThrow());
  }

  private static Column column(String text) {
    String[] parts = text.split(" ");
    SqlType type =
        switch (parts[1]) {
          case "INT" -> SqlType.INTEGER;
          case "BOOLEAN" -> SqlType.BOOLEAN;
          case "ARRAY" -> new SqlType.Array(SqlType.INTEGER);
          default -> new SqlType.Map(SqlType.INTEGER, SqlType.INTEGER);
        };
    return new Column(parts[0], type);
  }
}
