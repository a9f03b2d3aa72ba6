package dev.millrace.server.service;

import dev.millrace.engine.plan.PlanStep;
import java.util.List;
import java.util.Objects;

/**
 * A running persistent query: CREATE ... AS SELECT or INSERT INTO ... SELECT.
 *
 * @param id e.g. {@code CSAS_OUTPUT_0}
 * @param statementText the statement that started it
 * @param sink the source it writes to
 * @param sinkTopic the topic it writes to
 * @param sources the sources it reads
 * @param plan its physical plan, as stored
 * @param explain the logical and physical plans, as EXPLAIN shows them
 */
public record PersistentQuery(
    String id,
    String statementText,
    String sink,
    String sinkTopic,
    List<String> sources,
    PlanStep plan,
    String explain) {
  public PersistentQuery {
    Objects.requireNonNull(id, "id");
    sources = List.copyOf(sources);
  }
}
