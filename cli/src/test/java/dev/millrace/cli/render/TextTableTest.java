package dev.millrace.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void columnsAreAsWideAsTheirWidestCell() {
    TextTable table =
        new TextTable(
            List.of("Name", "Kafka Topic"),
            List.of(List.of("PAGEVIEWS", "pageviews"), List.of("USERS", "users_topic_long")));

    assertEquals(
        """
        +-----------+------------------+
        | Name      | Kafka Topic      |
        +-----------+------------------+
        | PAGEVIEWS | pageviews        |
        | USERS     | users_topic_long |
        +-----------+------------------+
        """,
        table.render(120));
  }

  @Test
  void tableWithoutRowsIsJustItsHeader() {
    assertEquals(
        """
        +------+
        | Name |
        +------+
        """,
        new TextTable(List.of("Name"), List.of()).render(80));
  }

  @Test
  void missingCellsAreBlank() {
    assertEquals(
        """
        +---+---+
        | a | b |
        +---+---+
        | 1 |   |
        +---+---+
        """,
        new TextTable(List.of("a", "b"), List.of(List.of("1"))).render(80));
  }

  @Test
  void tooWideTableShrinksItsWidestColumnAndWrapsAtSpaces() {
    TextTable table =
        new TextTable(
            List.of("Id", "Query String"),
            List.of(List.of("CSAS_1", "CREATE STREAM B AS SELECT * FROM A EMIT CHANGES;")));

    assertEquals(
        """
        +--------+--------------------------+
        | Id     | Query String             |
        +--------+--------------------------+
        | CSAS_1 | CREATE STREAM B AS       |
        |        | SELECT * FROM A EMIT     |
        |        | CHANGES;                 |
        +--------+--------------------------+
        """,
        table.render(37));
  }

  @Test
  void wordsLongerThanTheColumnBreakMidWord() {
    TextTable table = new TextTable(List.of("Topic"), List.of(List.of("a_very_long_topic_name")));

    assertEquals(
        """
        +----------+
        | Topic    |
        +----------+
        | a_very_l |
        | ong_topi |
        | c_name   |
        +----------+
        """,
        table.render(12));
  }

  @Test
  void multiLineCellsKeepTheirLineBreaks() {
    assertEquals(
        """
        +------+
        | Plan |
        +------+
        | a    |
        |  > b |
        +------+
        """,
        new TextTable(List.of("Plan"), List.of(List.of("a\n > b"))).render(80));
  }
}
