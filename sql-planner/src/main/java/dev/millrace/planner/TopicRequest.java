package dev.millrace.planner;

import dev.millrace.parser.ast.NodeLocation;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The topic a statement reads or writes: the caller checks that it exists, or creates it with these
 * partitions and replicas when given (else as the caller's defaults, or like the query's input
 * topic). {@code location} is where the statement names the topic, for the caller's errors.
 */
public record TopicRequest(
    String name, OptionalInt partitions, OptionalInt replicas, NodeLocation location) {
  public TopicRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(partitions, "partitions");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(location, "location");
  }

  /**
   * {@code line L:C: } to put before a message about this topic, or nothing when the position is
   * unknown.
   */
  public String position() {
    return location.isKnown() ? location.describe() + ": " : "";
  }
}
