package dev.millrace.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaConflictsTest {
  private static RegisteredSchema record(String fields) {
    return RegisteredSchema.avro(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }

  @Test
  void aNewFieldWithoutADefaultIsNamed() {
    assertEquals(
        List.of(
            "field B is in the new schema without a default value, but not in the latest version"),
        SchemaConflicts.between(
            record("{\"name\":\"A\",\"type\":\"int\"},{\"name\":\"B\",\"type\":\"int\"}"),
            record("{\"name\":\"A\",\"type\":\"int\"}")));
  }

  @Test
  void aFieldWhoseTypeCannotBeReadIsNamedWithBothTypes() {
    assertEquals(
        List.of("field A is INT in the new schema but STRING in the latest version"),
        SchemaConflicts.between(
            record("{\"name\":\"A\",\"type\":\"int\"}"),
            record("{\"name\":\"A\",\"type\":\"string\"}")));
  }

  @Test
  void whenTheNewSchemaReadsTheOldOneTheConflictsAreThoseOfReadingTheNewWithTheOld() {
    // Dropping a field without a default is only a problem for readers of the latest version.
    assertEquals(
        List.of(
            "field B is in the latest version without a default value, but not in the new schema"),
        SchemaConflicts.between(
            record("{\"name\":\"A\",\"type\":\"int\"}"),
            record("{\"name\":\"A\",\"type\":\"int\"},{\"name\":\"B\",\"type\":\"int\"}")));
  }

  @Test
  void compatibleSchemasAndOtherSchemaTypesHaveNoConflicts() {
    RegisteredSchema avro = record("{\"name\":\"A\",\"type\":\"int\"}");
    assertEquals(List.of(), SchemaConflicts.between(avro, avro));
    assertEquals(
        List.of(), SchemaConflicts.between(RegisteredSchema.json("{\"type\":\"object\"}"), avro));
  }

  @Test
  void nestedFieldsAreNamedByTheirPath() {
    Schema schema =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"ADDRESS\",\"type\":"
                    + "[\"null\",{\"type\":\"record\",\"name\":\"A\",\"fields\":["
                    + "{\"name\":\"ZIP\",\"type\":\"int\"},{\"name\":\"CITY\",\"type\":\"string\"}]}]}]}");

    assertEquals(
        "ADDRESS.CITY", SchemaConflicts.fieldPath(schema, "/fields/0/type/1/fields/1/type"));
    assertEquals("/nowhere/7", SchemaConflicts.fieldPath(schema, "/nowhere/7"));
  }
}
