package dev.millrace.cli.shell;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: SQL keywords, and the names of streams, tables and columns last fetched from the
 * server. After a word that must be followed by a source (FROM, JOIN, DESCRIBE, ...) only stream
 * and table names are offered.
 */
final class SqlCompleter implements Completer {

  private static final Set<String> BEFORE_SOURCE =
      Set.of("FROM", "JOIN", "DESCRIBE", "EXTENDED", "INTO", "STREAM", "TABLE", "EXISTS");

  private volatile CatalogNames names = CatalogNames.NONE;

  /** Replaces the names offered. */
  void use(CatalogNames names) {
    this.names = names;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    CatalogNames current = names;
    current.sources().forEach(source -> candidates.add(candidate(source, "sources")));
    if (expectsSource(line)) {
      return;
    }
    current.columns().forEach(column -> candidates.add(candidate(column, "columns")));
    SqlKeywords.ALL.forEach(keyword -> candidates.add(candidate(keyword, "keywords")));
  }

  private static boolean expectsSource(ParsedLine line) {
    int previous = line.wordIndex() - 1;
    return previous >= 0
        && BEFORE_SOURCE.contains(line.words().get(previous).toUpperCase(Locale.ROOT));
  }

  private static Candidate candidate(String value, String group) {
    return new Candidate(value, value, group, null, null, null, true);
  }
}
