package dev.millrace.server.service;

import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.runtime.QueryError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A persistent query: CREATE ... AS SELECT or INSERT INTO ... SELECT.
 *
 * @param id e.g. {@code CSAS_OUTPUT_0}
 * @param statementText the statement that started it
 * @param sink the source it writes to
 * @param sinkTopic the topic it writes to
 * @param sources the sources it reads
 * @param plan its physical plan, as stored; empty when the stored plan could not be read
 * @param explain the logical and physical plans, as EXPLAIN shows them
 * @param error why it is not running (state ERROR), when it is not: a plan this server could not
 *     read or start on restore
 */
public record PersistentQuery(
    String id,
    String statementText,
    String sink,
    String sinkTopic,
    List<String> sources,
    Optional<PlanStep> plan,
    String explain,
    Optional<QueryError> error) {
  public PersistentQuery {
    Objects.requireNonNull(id, "id");
    sources = List.copyOf(sources);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(error, "error");
  }

  /** RUNNING, or ERROR when it could not be started. */
  public String state() {
    return error.isPresent() ? "ERROR" : "RUNNING";
  }
}
