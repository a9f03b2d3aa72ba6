package dev.millrace.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

class SqlCompleterTest {

  private final SqlLineParser parser = new SqlLineParser();
  private final SqlCompleter completer = new SqlCompleter();

  private List<String> complete(String line) {
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), candidates);
    return candidates.stream().map(Candidate::value).toList();
  }

  @Test
  void offersOnlySourcesWhereASourceMustFollow() {
    completer.use(new CatalogNames(List.of("PAGEVIEWS", "`lower`"), List.of("USERID")));

    assertEquals(List.of("PAGEVIEWS", "`lower`"), complete("SELECT * FROM PA"));
    assertEquals(List.of("PAGEVIEWS", "`lower`"), complete("describe "));
  }

  @Test
  void offersColumnsAndKeywordsElsewhere() {
    completer.use(new CatalogNames(List.of("PAGEVIEWS"), List.of("USERID")));

    List<String> candidates = complete("SELECT US");

    assertTrue(
        candidates.containsAll(List.of("PAGEVIEWS", "USERID", "SELECT", "EMIT", "CHANGES")),
        candidates.toString());
  }

  @Test
  void enterOnAnUnfinishedStatementContinuesIt() {
    assertThrows(EOFError.class, () -> parser.parse("SHOW STREAMS", 12, ParseContext.ACCEPT_LINE));
    assertThrows(EOFError.class, () -> parser.parse("SELECT 'it;", 11, ParseContext.ACCEPT_LINE));
    assertEquals(
        "SHOW STREAMS;", parser.parse("SHOW STREAMS;", 13, ParseContext.ACCEPT_LINE).line());
    assertEquals("exit", parser.parse("exit", 4, ParseContext.ACCEPT_LINE).line());
  }
}
