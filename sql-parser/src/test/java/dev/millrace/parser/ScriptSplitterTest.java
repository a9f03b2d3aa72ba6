package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.parser.ast.NodeLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

  private static List<String> texts(String script) {
    return ScriptSplitter.split(script).stream().map(StatementText::text).toList();
  }

  @Test
  void splitsAtTopLevelSemicolons() {
    assertEquals(List.of("SHOW STREAMS", "SHOW TABLES"), texts("SHOW STREAMS; SHOW TABLES;"));
  }

  @Test
  void ignoresSemicolonsInStringsWithDoubledQuotes() {
    assertEquals(
        List.of("INSERT INTO s VALUES ('a;''b;')", "SHOW TABLES"),
        texts("INSERT INTO s VALUES ('a;''b;'); SHOW TABLES;"));
  }

  @Test
  void ignoresSemicolonsInQuotedIdentifiers() {
    assertEquals(List.of("SELECT `a;``b` FROM s"), texts("SELECT `a;``b` FROM s;"));
    assertEquals(
        List.of("SELECT \"a;\"\"b\" FROM s", "SHOW TABLES"),
        texts("SELECT \"a;\"\"b\" FROM s; SHOW TABLES;"));
  }

  @Test
  void ignoresSemicolonsInComments() {
    String script =
        "-- first; still a comment\nSHOW STREAMS /* not; here */ EXTENDED;\n"
            + "SHOW TABLES -- trailing;\n;";
    assertEquals(List.of("SHOW STREAMS /* not; here */ EXTENDED", "SHOW TABLES"), texts(script));
  }

  @Test
  void dropsEmptyStatements() {
    assertEquals(List.of("SHOW TABLES"), texts(" ; ;\n-- only a comment\n;SHOW TABLES;;"));
  }

  @Test
  void reportsWhereEachStatementStarts() {
    List<StatementText> parts = ScriptSplitter.split("SHOW STREAMS;\n\n  -- note\n  SHOW TABLES;");
    assertEquals(1, parts.get(0).start().line());
    assertEquals(1, parts.get(0).start().column());
    assertEquals(4, parts.get(1).start().line());
    assertEquals(3, parts.get(1).start().column());
  }

  @Test
  void marksAnUnfinishedLastStatement() {
    List<StatementText> parts = ScriptSplitter.split("SHOW STREAMS; SELECT *\nFROM s");
    assertEquals(List.of(true, false), parts.stream().map(StatementText::terminated).toList());
    assertEquals("SELECT *\nFROM s", parts.get(1).text());
  }

  @Test
  void anUnclosedQuoteOrCommentLeavesTheStatementUnfinished() {
    assertEquals(
        List.of(new StatementText("SELECT 'a;", new NodeLocation(1, 1), false)),
        ScriptSplitter.split("SELECT 'a;"));
    List<StatementText> comment = ScriptSplitter.split("SELECT 1 /* open; ");
    assertEquals(1, comment.size());
    assertEquals(false, comment.get(0).terminated());
  }

  @Test
  void eachPieceParsesWithTheParser() {
    String script =
        "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', "
            + "value_format='JSON');\nINSERT INTO s (id, v) VALUES (1, 'x;y');\n";
    SqlParser parser = new SqlParser();
    List<StatementText> parts = ScriptSplitter.split(script);
    assertEquals(2, parts.size());
    parts.forEach(p -> parser.parseStatement(p.text()));
  }
}
