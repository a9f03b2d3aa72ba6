package dev.millrace.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.millrace.parser.CompatCorpus.CompatStatement;
import dev.millrace.parser.ast.Statement;
import dev.millrace.parser.format.SqlFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the parser over every statement of ksqlDB's query-validation cases in {@code shared/compat}.
 * Cases that expect an error may hold bad syntax on purpose, so only the others must parse; how
 * many error cases the parser already rejects is printed, not asserted (later stages reject the
 * rest).
 */
class CompatCorpusTest {

  private static List<CompatStatement> corpus;
  private final SqlParser parser = new SqlParser();

  @BeforeAll
  static void readCorpus() {
    Optional<List<CompatStatement>> statements = CompatCorpus.statements();
    assumeTrue(statements.isPresent(), "shared/compat not found; set -Dmillrace.compat.dir");
    corpus = statements.get();
  }

  /**
   * One pass over the corpus (it is large): each statement must parse unless its case expects an
   * error, and what parses must read back equal after formatting.
   */
  @Test
  void everyStatementOfAPassingCaseParsesAndSurvivesFormatting() {
    List<String> failures = new ArrayList<>();
    int rejectedOnPurpose = 0;
    for (CompatStatement statement : corpus) {
      Statement parsed;
      try {
        parsed = parser.parseStatement(statement.sql());
      } catch (ParseException e) {
        if (statement.expectsError()) {
          rejectedOnPurpose++;
        } else {
          failures.add(e.getMessage() + " in " + statement.describe());
        }
        continue;
      }
      roundTrip(parsed, statement).ifPresent(failures::add);
    }
    System.out.println(
        rejectedOnPurpose
            + " statements of error cases rejected; "
            + failures.size()
            + " of "
            + corpus.size()
            + " statements failed");
    assertTrue(corpus.size() > 1000, "corpus looks empty: " + corpus.size());
    assertEquals(List.of(), failures);
  }

  private Optional<String> roundTrip(Statement parsed, CompatStatement statement) {
    String formatted = SqlFormatter.format(parsed);
    try {
      return parser.parseStatement(formatted).equals(parsed)
          ? Optional.empty()
          : Optional.of("changed: " + formatted + " from " + statement.describe());
    } catch (ParseException e) {
      return Optional.of(
          e.getMessage() + " in formatted " + formatted + " from " + statement.describe());
    }
  }
}
