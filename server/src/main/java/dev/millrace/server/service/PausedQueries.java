package dev.millrace.server.service;

import dev.millrace.parser.ParseException;
import dev.millrace.parser.ParsedStatement;
import dev.millrace.parser.SqlParser;
import dev.millrace.parser.ast.PauseResume;
import dev.millrace.parser.ast.Terminate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which queries a command log leaves paused, worked out before it is replayed so that those queries
 * start paused rather than run until their PAUSE is replayed.
 */
final class PausedQueries {
  private PausedQueries() {}

  /**
   * The ids paused at the end of {@code logged}. {@code ALL} covers the queries logged with their
   * plan before it (queries logged without one, by versions before plans were stored, are paused
   * only by id); statements that no longer parse change nothing, as their replay will.
   */
  static Set<String> after(List<LoggedCommand> logged, SqlParser parser) {
    Set<String> existing = new LinkedHashSet<>();
    Set<String> paused = new LinkedHashSet<>();
    for (LoggedCommand command : logged) {
      if (command.query().isPresent()) {
        existing.add(command.query().get().queryId());
        continue;
      }
      for (ParsedStatement parsed : parse(command.statement(), parser)) {
        if (parsed.statement() instanceof PauseResume change) {
          Set<String> ids = change.queryId().map(Set::of).orElse(Set.copyOf(existing));
          if (change.pause()) {
            paused.addAll(ids);
          } else {
            paused.removeAll(ids);
          }
        } else if (parsed.statement() instanceof Terminate terminate) {
          Set<String> ids = terminate.queryId().map(Set::of).orElse(Set.copyOf(existing));
          existing.removeAll(ids);
          paused.removeAll(ids);
        }
      }
    }
    return paused;
  }

  private static List<ParsedStatement> parse(String statement, SqlParser parser) {
    try {
      return parser.parse(statement);
    } catch (ParseException unparseable) {
      return List.of();
    }
  }
}
