package dev.millrace.planner;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A topic a statement needs: the caller creates it if it does not exist, with these partitions
 * and replicas when given (else as the caller's defaults, or like the query's input topic).
 */
public record TopicRequest(String name, OptionalInt partitions, OptionalInt replicas) {
  public TopicRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(partitions, "partitions");
    Objects.requireNonNull(replicas, "replicas");
  }
}
