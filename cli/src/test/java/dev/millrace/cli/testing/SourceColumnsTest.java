package dev.millrace.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.cli.testing.CaseSession.SourceSummary;
import dev.millrace.cli.testing.SourceColumns.Column;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceColumnsTest {

  @Test
  void readsTheSchemaTextOfStreamsAndTables() {
    List<Column> stream =
        SourceColumns.parse(
            summary("stream", "`K` STRING KEY, `V` BIGINT, `lower` ARRAY<DECIMAL(4, 2)>"));
    List<Column> table =
        SourceColumns.parse(
            summary("table", "`ID` INT PRIMARY KEY, `M` MAP<STRING, STRUCT<`A` INT>>"));

    assertEquals(
        "`K` STRING KEY, `V` BIGINT, `lower` ARRAY<DECIMAL(4, 2)>", SourceColumns.describe(stream));
    assertEquals(
        "`ID` INTEGER KEY, `M` MAP<STRING, STRUCT<`A` INTEGER>>", SourceColumns.describe(table));
  }

  @Test
  void anUnreadableSchemaIsReported() {
    TestInputException wrong =
        assertThrows(
            TestInputException.class,
            () -> SourceColumns.parse(summary("stream", "K STRING KEY,")));
    assertTrue(
        wrong.getMessage().startsWith("cannot read the schema the engine reports: K STRING KEY, ("),
        wrong.getMessage());
  }

  private static SourceSummary summary(String type, String schema) {
    return new SourceSummary(type, schema, "KAFKA", "JSON", Optional.empty(), "t");
  }
}
