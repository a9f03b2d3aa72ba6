package dev.millrace.planner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {
  static DataSource stream(String name) {
    return new DataSource(
        name,
        SourceType.STREAM,
        new LogicalSchema(
            List.of(new Column("ID", SqlType.BIGINT)), List.of(new Column("NAME", SqlType.STRING))),
        name.toLowerCase(),
        new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.empty()),
        Optional.empty(),
        false,
        false,
        "CREATE STREAM " + name + " ...");
  }

  @Test
  void changesMakeNewSnapshotsAndLeaveOldOnesAlone() {
    Catalog empty = Catalog.empty();
    Catalog one =
        empty
            .apply(new CatalogChange.AddSource(stream("B"), false))
            .apply(new CatalogChange.AddSource(stream("A"), false));
    assertTrue(empty.sources().isEmpty());
    assertEquals(List.of("A", "B"), one.sources().stream().map(DataSource::name).toList());
    assertEquals(
        List.of("B"),
        one.apply(new CatalogChange.RemoveSource("A")).sources().stream()
            .map(DataSource::name)
            .toList());
  }

  @Test
  void refusesDuplicatesUnlessReplacing() {
    Catalog one = Catalog.empty().apply(new CatalogChange.AddSource(stream("A"), false));
    assertThrows(
        IllegalStateException.class,
        () -> one.apply(new CatalogChange.AddSource(stream("A"), false)));
    DataSource replaced = stream("A").withSqlText("other");
    assertEquals(
        "other",
        one.apply(new CatalogChange.AddSource(replaced, true)).source("A").orElseThrow().sqlText());
  }

  @Test
  void tracksQueryReadersAndWriters() {
    Catalog catalog =
        Catalog.empty()
            .withQuery(new QueryLinks("CSAS_B_1", Optional.of("B"), Set.of("A")))
            .withQuery(new QueryLinks("CSAS_C_0", Optional.of("C"), Set.of("A", "B")));
    assertEquals(List.of("CSAS_B_1", "CSAS_C_0"), catalog.readersOf("A"));
    assertEquals(List.of("CSAS_B_1"), catalog.writersOf("B"));
    assertEquals(List.of("CSAS_C_0"), catalog.withoutQuery("CSAS_B_1").readersOf("A"));
  }

  @Test
  void keepsCustomTypes() {
    Catalog catalog = Catalog.empty().apply(new CatalogChange.AddType("ADDRESS", SqlType.STRING));
    assertEquals(Optional.of(SqlType.STRING), catalog.type("ADDRESS"));
    assertTrue(catalog.apply(new CatalogChange.RemoveType("ADDRESS")).types().isEmpty());
  }
}
