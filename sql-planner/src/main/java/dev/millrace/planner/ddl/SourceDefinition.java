package dev.millrace.planner.ddl;

import dev.millrace.planner.catalog.DataSource;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned CREATE STREAM or CREATE TABLE: the source to add to the catalog, and the topic to
 * create for it when the statement asked for one (PARTITIONS given) and it does not exist yet.
 *
 * @param existing true when IF NOT EXISTS found the source already there: nothing changes
 */
public record SourceDefinition(DataSource source, Optional<TopicRequest> topic, boolean replace, boolean existing) {
  public SourceDefinition {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(topic, "topic");
  }

  /** A topic the statement wants: its partition count, and replicas when given. */
  public record TopicRequest(String name, int partitions, Optional<Short> replicas) {}
}
