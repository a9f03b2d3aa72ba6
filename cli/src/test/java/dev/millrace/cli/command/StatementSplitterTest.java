package dev.millrace.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {

  @Test
  void splitsAtSemicolonsAndKeepsThem() {
    StatementSplitter.Split split = StatementSplitter.split("SHOW STREAMS;\nSHOW  TABLES ;  ");

    assertEquals(List.of("SHOW STREAMS;", "SHOW  TABLES ;"), split.statements());
    assertEquals("", split.remainder());
  }

  @Test
  void semicolonsInsideQuotesAndCommentsDoNotEndAStatement() {
    String text =
        """
        -- a comment; with a semicolon
        INSERT INTO S (A, `B;`, "C;") VALUES ('x;y', 'it''s;', 1); /* block; comment */
        SELECT 1 FROM S -- trailing; comment
        ;""";

    StatementSplitter.Split split = StatementSplitter.split(text);

    assertEquals(
        List.of(
            "INSERT INTO S (A, `B;`, \"C;\") VALUES ('x;y', 'it''s;', 1);",
            "SELECT 1 FROM S -- trailing; comment\n;"),
        split.statements());
    assertEquals("", split.remainder());
  }

  @Test
  void textAfterTheLastSemicolonIsTheRemainder() {
    StatementSplitter.Split split = StatementSplitter.split("SHOW STREAMS; SELECT *\nFROM S");

    assertEquals(List.of("SHOW STREAMS;"), split.statements());
    assertEquals("SELECT *\nFROM S", split.remainder());
  }

  @Test
  void emptyStatementsAreDropped() {
    assertEquals(List.of("SHOW TABLES;"), StatementSplitter.split(";; SHOW TABLES;;").statements());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   \n",
        "SHOW STREAMS;",
        "SHOW\nSTREAMS;",
        "SHOW STREAMS; -- done",
        "/* note */",
        "-- only a comment",
        "SELECT 'a;b' FROM S;",
        "exit",
        "  QUIT  ",
        "help",
        "SHOW STREAMS; exit"
      })
  void complete(String text) {
    assertTrue(StatementSplitter.isComplete(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SHOW STREAMS", "SELECT 'a;b FROM S;", "SELECT `a;b FROM S;", "SHOW STREAMS /* ; */",
        "/* unterminated; comment", "SHOW STREAMS -- ;", "exit now", "SHOW STREAMS; SHOW"
      })
  void incomplete(String text) {
    assertFalse(StatementSplitter.isComplete(text), text);
  }

  @Test
  void firstKeywordIsUpperCased() {
    assertEquals("SELECT", StatementSplitter.firstKeyword("select * from s;"));
    assertEquals("", StatementSplitter.firstKeyword("(1);"));
  }
}
