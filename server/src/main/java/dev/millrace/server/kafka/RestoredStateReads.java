package dev.millrace.server.kafka;

import dev.millrace.engine.operator.MaterializedTable;
import dev.millrace.engine.operator.Row;
import dev.millrace.engine.runtime.KafkaQueryRuntime;
import dev.millrace.engine.runtime.LocalStores;
import dev.millrace.engine.runtime.QueryError;
import dev.millrace.engine.runtime.QueryState;
import dev.millrace.server.service.MaterialisedReads;
import dev.millrace.server.service.StateNotReadyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads a table from the stores of the query that materialises it, for a pull query, only when the
 * answer is whole: a scan needs every partition of the state restored and owned here; a key lookup
 * is whole once each key is found in a partition restored and owned here (a key lives in one
 * partition), and otherwise needs every partition too. Until then it waits, up to a bound, for the
 * state to become ready, and then gives up with {@link StateNotReadyException}.
 */
final class RestoredStateReads {
  private static final long RECHECK_MILLIS = 20;

  private final Duration wait;

  /**
   * @param wait how long a pull query waits for state being restored before it is refused
   */
  RestoredStateReads(Duration wait) {
    this.wait = wait;
  }

  List<Row> read(
      KafkaQueryRuntime query, MaterializedTable table, Optional<List<List<Object>>> keys) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      LocalStores local = query.localStores(table.storeName());
      Optional<List<Row>> rows = readWhole(table, local, keys);
      if (rows.isPresent()) {
        return rows.get();
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new StateNotReadyException(reason(query, local));
      }
      pause();
    }
  }

  private static Optional<List<Row>> readWhole(
      MaterializedTable table, LocalStores local, Optional<List<List<Object>>> keys) {
    try {
      if (local.complete()) {
        return Optional.of(MaterialisedReads.read(table, local.stores(), keys));
      }
      if (keys.isEmpty() || local.stores().isEmpty()) {
        return Optional.empty();
      }
      List<Row> rows = new ArrayList<>();
      for (List<Object> key : new LinkedHashSet<>(keys.get())) {
        List<Row> found = MaterialisedReads.read(table, local.stores(), Optional.of(List.of(key)));
        if (found.isEmpty()) {
          // Absent here, the key may still be in a partition restoring here or owned elsewhere.
          return Optional.empty();
        }
        rows.addAll(found);
      }
      return Optional.of(rows);
    } catch (IllegalStateException closed) {
      // A store closed under the read (its partition moved, or the query stopped): look again.
      return Optional.empty();
    }
  }

  private static String reason(KafkaQueryRuntime query, LocalStores local) {
    if (query.state() == QueryState.ERROR) {
      return "its query "
          + query.queryId()
          + " has failed: "
          + query.error().map(QueryError::message).orElse("unknown error");
    }
    if (local.partitions() == 0) {
      return "its query " + query.queryId() + " is not running";
    }
    String ready = local.stores().size() + " of " + local.partitions() + " partitions";
    return local
        .restoring()
        .map(
            progress ->
                "its state is being restored on this server: "
                    + ready
                    + " ready, partition "
                    + progress.changelog().partition()
                    + " at "
                    + progress.restored()
                    + " of "
                    + progress.total()
                    + " changelog records")
        .orElse(
            ready
                + " of its state are ready on this server; the others are still being restored here"
                + " or are owned by another server");
  }

  private static void pause() {
    try {
      Thread.sleep(RECHECK_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new StateNotReadyException("the server is shutting down");
    }
  }
}
