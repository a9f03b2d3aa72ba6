package dev.millrace.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void numericColumnsTakeTheirTypicalWidthAndTextSharesTheRest() throws Exception {
    LiveTable table =
        LiveTable.layout(
            List.of("ID", "NAME", "ACTIVE"), List.of("INTEGER", "STRING", "BOOLEAN"), 50);

    assertEquals(
        """
        +-------------+------------------------+---------+
        | ID          | NAME                   | ACTIVE  |
        +-------------+------------------------+---------+
        """,
        table.header());
    assertEquals(
        "| 1           | alice                  | true    |\n",
        table.row(json.readTree("[1,\"alice\",true]")));
    assertEquals(
        "| null        | null                   | false   |\n",
        table.row(json.readTree("[null,null,false]")));
    assertEquals("+-------------+------------------------+---------+\n", table.footer());
  }

  @Test
  void longValuesWrapAndNestedValuesShowAsJson() throws Exception {
    LiveTable table =
        LiveTable.layout(List.of("K", "TAGS"), List.of("INTEGER", "ARRAY<STRING>"), 10);

    assertEquals(
        """
        | 7           | ["red","gr |
        |             | een"]      |
        """,
        table.row(json.readTree("[7,[\"red\",\"green\"]]")));
  }

  @Test
  void aColumnIsNeverNarrowerThanItsName() {
    LiveTable table = LiveTable.layout(List.of("A_RATHER_LONG_FLAG_NAME"), List.of("BOOLEAN"), 80);

    assertEquals("+-------------------------+\n", table.footer());
  }
}
