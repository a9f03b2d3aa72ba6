package dev.millrace.cli.testing;

import static dev.millrace.cli.testing.FakeSession.json;
import static dev.millrace.cli.testing.FakeSession.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millrace.cli.testing.CaseSession.SourceSummary;
import dev.millrace.cli.testing.SourceColumns.Column;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordColumnsTest {

  @Test
  void oneKeyColumnIsTheBareKeyAndValueColumnsAreFieldsOfTheValue() {
    Map<String, JsonNode> row =
        RecordColumns.of(
            record("t", "\"k\"", "{\"A\": 1, \"B\": \"x\"}", 7L),
            columns("`K` STRING KEY, `A` INT, `B` STRING, `C` DOUBLE"),
            "JSON");

    assertEquals("{K=\"k\", A=1, B=\"x\", C=null, ROWTIME=7}", row.toString());
  }

  @Test
  void severalKeyColumnsAreFieldsOfTheKey() {
    Map<String, JsonNode> row =
        RecordColumns.of(
            record("t", "{\"K1\": 1, \"K2\": \"b\"}", "{\"V\": 2}", null),
            columns("`K1` INT KEY, `K2` STRING KEY, `V` INT"),
            "JSON");

    assertEquals(List.of("K1", "K2", "V", "ROWTIME"), List.copyOf(row.keySet()));
    assertEquals(json("1"), row.get("K1"));
    assertEquals(json("\"b\""), row.get("K2"));
    assertEquals(json("null"), row.get("ROWTIME"));
  }

  @Test
  void aSingleValueColumnMayBeTheBareValue() {
    Map<String, JsonNode> row =
        RecordColumns.of(record("t", "1", "12.5", 0L), columns("`K` INT KEY, `V` DOUBLE"), "KAFKA");
    assertEquals(json("12.5"), row.get("V"));
  }

  @Test
  void delimitedValuesAreSplitAndTypedByColumn() {
    TestRecord csv =
        new TestRecord(
            "t", null, TextNode.valueOf("\"1,5\",,3,2.25,true,\"say \"\"hi\"\"\""), 0L, null);
    Map<String, JsonNode> row =
        RecordColumns.of(
            csv,
            columns(
                "`S` STRING, `N` INT, `B` BIGINT, `D` DECIMAL(4, 2), `F` BOOLEAN, `Q` STRING, `MISSING` STRING"),
            "DELIMITED");

    assertEquals(json("\"1,5\""), row.get("S"));
    assertEquals(json("null"), row.get("N"));
    assertEquals("3", row.get("B").toString());
    assertEquals(json("2.25"), row.get("D"));
    assertEquals(json("true"), row.get("F"));
    assertEquals(json("\"say \\\"hi\\\"\""), row.get("Q"));
    assertEquals(json("null"), row.get("MISSING"));
  }

  @Test
  void windowBoundsArePseudoColumns() {
    TestRecord windowed =
        new TestRecord(
            "t", json("1"), json("{\"V\": 1}"), 5L, new TestRecord.WindowSpec(0, 10, "time"));
    Map<String, JsonNode> row = RecordColumns.of(windowed, columns("`K` INT KEY, `V` INT"), "JSON");

    assertEquals("0", row.get("WINDOWSTART").toString());
    assertEquals("10", row.get("WINDOWEND").toString());
  }

  private static List<Column> columns(String schema) {
    return SourceColumns.parse(
        new SourceSummary("stream", schema, "KAFKA", "JSON", Optional.empty(), "t"));
  }
}
