package dev.millrace.planner.catalog;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a persistent query reads and writes: the catalog keeps these so that dropping a source that
 * a running query still uses can be refused with the query ids named.
 *
 * @param queryId the query's id, e.g. {@code CSAS_OUTPUT_0}
 * @param sink the source it writes to (empty for queries without a catalog sink)
 * @param sources the sources it reads from
 */
public record QueryLinks(String queryId, Optional<String> sink, Set<String> sources) {
  public QueryLinks {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(sink, "sink");
    sources = Set.copyOf(sources);
  }
}
