package dev.millrace.server.service;

import dev.millrace.engine.operator.Row;
import dev.millrace.planner.PlannedStatement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * Reads a pull query's table from the state of the query that materialises it (a CTAS): here when
 * this server holds every partition the answer needs, else with the owners of the other partitions
 * asked over HTTP (see {@link PullForwarding}). A state that cannot be read in full, here or with
 * the owners, is a retryable error, never a partial answer.
 */
final class TableStateReads {
  private final StatementEngine engine;

  TableStateReads(StatementEngine engine) {
    this.engine = engine;
  }

  /**
   * The rows read here (to filter and project) and those the owners of other partitions answered
   * (filtered and projected by them), or empty for a table no running query keeps in a store (a
   * declared source table), which the caller reads from its topic.
   */
  Optional<PullAnswer> read(PlannedStatement.PullQuery pull, String text, Session session) {
    for (PersistentQuery query : engine.queries().values()) {
      if (query.sink().equals(pull.table().name())) {
        Optional<PullAnswer> answer = read(query.id(), pull, text, session);
        if (answer.isPresent()) {
          return answer;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<PullAnswer> read(
      String queryId, PlannedStatement.PullQuery pull, String text, Session session) {
    Optional<SortedSet<Integer>> requested = PullForwarding.requested(session.properties());
    if (requested.isPresent()) {
      return Optional.of(forwardedHere(queryId, pull, text, requested.get()));
    }
    Optional<PullForwarding> cluster = engine.cluster();
    if (cluster.isPresent()) {
      Optional<OwnedRows> owned =
          engine.backend().ownedRows(queryId, pull.keys(), Optional.empty());
      if (owned.isPresent() && owned.get().total() > 0) {
        OwnedRows here = owned.get();
        if (here.missing().isEmpty() || everyKeyFound(here, pull.keys())) {
          return Optional.of(new PullAnswer(here.rows(), List.of()));
        }
        Optional<List<List<Object>>> elsewhere =
            cluster
                .get()
                .rows(queryId, text, session.properties(), session.authorization(), here.missing());
        if (elsewhere.isPresent()) {
          return Optional.of(new PullAnswer(here.rows(), elsewhere.get()));
        }
      }
    }
    return whole(queryId, pull, text).map(rows -> new PullAnswer(rows, List.of()));
  }

  /** A request another server forwarded: exactly the partitions it asked for, from here only. */
  private PullAnswer forwardedHere(
      String queryId, PlannedStatement.PullQuery pull, String text, SortedSet<Integer> wanted) {
    Optional<OwnedRows> owned =
        engine.backend().ownedRows(queryId, pull.keys(), Optional.of(Set.copyOf(wanted)));
    if (owned.isEmpty() || !owned.get().partitions().containsAll(wanted)) {
      throw notReady(pull, "partitions " + wanted + " are not all restored and owned here", text);
    }
    return new PullAnswer(owned.get().rows(), List.of());
  }

  /** Every key asked for is in a partition read here: the rest of the table cannot add to it. */
  private static boolean everyKeyFound(OwnedRows here, Optional<List<List<Object>>> keys) {
    if (keys.isEmpty()) {
      return false;
    }
    Set<List<Object>> found = new HashSet<>();
    here.rows().forEach(row -> found.add(Arrays.asList(row.key())));
    return found.containsAll(keys.get());
  }

  /** The table from this server's state alone, waiting a bounded time for it to be whole here. */
  private Optional<List<Row>> whole(String queryId, PlannedStatement.PullQuery pull, String text) {
    try {
      return engine.backend().materialisedRows(queryId, pull.keys());
    } catch (StateNotReadyException notReady) {
      throw notReady(pull, notReady.getMessage(), text);
    }
  }

  private static EngineException notReady(
      PlannedStatement.PullQuery pull, String reason, String text) {
    return new EngineException(
        ErrorCode.SERVER_NOT_READY,
        "Table "
            + pull.table().name()
            + " cannot be read on this server yet: "
            + reason
            + ". Retry the pull query shortly.",
        text);
  }

  /**
   * A pull query's rows from state.
   *
   * @param local rows read here, in the state's layout
   * @param forwarded rows other servers answered, filtered and projected
   */
  record PullAnswer(List<Row> local, List<List<Object>> forwarded) {
    PullAnswer {
      local = List.copyOf(local);
      forwarded = List.copyOf(forwarded);
    }
  }
}
