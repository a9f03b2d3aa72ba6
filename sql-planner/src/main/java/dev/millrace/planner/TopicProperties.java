package dev.millrace.planner;

import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.analysis.WithClause;
import java.util.OptionalInt;

/**
 * The topic of a CREATE statement as its WITH clause gives it ({@code KAFKA_TOPIC}, {@code
 * PARTITIONS}, {@code REPLICAS}), checked against what Kafka accepts so that a mistake is reported
 * with its position instead of failing later on the broker.
 */
final class TopicProperties {
  /** Kafka's longest topic name. */
  static final int MAX_NAME_LENGTH = 249;

  /**
   * The largest PARTITIONS accepted. More is nearly always a typo, and a single broker (the
   * embedded one) takes minutes to create so many; a larger topic made with Kafka's tools can still
   * be declared as a source, without PARTITIONS.
   */
  static final int MAX_PARTITIONS = 1_000;

  private TopicProperties() {}

  /**
   * The topic request of a statement at {@code statement}; {@code defaultName} when KAFKA_TOPIC is
   * absent.
   */
  static TopicRequest request(WithClause with, String defaultName, NodeLocation statement) {
    String name = with.string("KAFKA_TOPIC").orElse(defaultName);
    NodeLocation named = with.location("KAFKA_TOPIC", statement);
    checkName(name, named);
    OptionalInt partitions = with.integer("PARTITIONS");
    if (partitions.isPresent() && partitions.getAsInt() < 1) {
      throw new PlanningException(
          with.location("PARTITIONS", statement),
          "Invalid value for PARTITIONS: "
              + partitions.getAsInt()
              + ". A topic needs at least one partition.");
    }
    if (partitions.isPresent() && partitions.getAsInt() > MAX_PARTITIONS) {
      throw new PlanningException(
          with.location("PARTITIONS", statement),
          "Invalid value for PARTITIONS: "
              + partitions.getAsInt()
              + ". It may be at most "
              + MAX_PARTITIONS
              + "; declare a larger topic made with "
              + "Kafka's tools without PARTITIONS.");
    }
    OptionalInt replicas = with.integer("REPLICAS");
    if (replicas.isPresent() && replicas.getAsInt() < 1) {
      throw new PlanningException(
          with.location("REPLICAS", statement),
          "Invalid value for REPLICAS: "
              + replicas.getAsInt()
              + ". A topic needs at least one replica.");
    }
    if (replicas.isPresent() && replicas.getAsInt() > Short.MAX_VALUE) {
      throw new PlanningException(
          with.location("REPLICAS", statement),
          "Invalid value for REPLICAS: "
              + replicas.getAsInt()
              + ". It must be at most "
              + Short.MAX_VALUE
              + ".");
    }
    return new TopicRequest(name, partitions, replicas, named);
  }

  /**
   * Kafka's rules for topic names: 1 to 249 of {@code [a-zA-Z0-9._-]}, and neither "." nor "..".
   */
  private static void checkName(String name, NodeLocation location) {
    String problem = null;
    if (name.isEmpty()) {
      problem = "it is empty";
    } else if (name.equals(".") || name.equals("..")) {
      problem = "'.' and '..' are not allowed";
    } else if (name.length() > MAX_NAME_LENGTH) {
      problem =
          "it is "
              + name.length()
              + " characters long, and Kafka allows at most "
              + MAX_NAME_LENGTH;
    } else {
      int bad = firstInvalidCharacter(name);
      if (bad >= 0) {
        problem =
            "it contains '"
                + name.charAt(bad)
                + "'; Kafka allows only ASCII letters, digits, '.', '_' and '-'";
      }
    }
    if (problem != null) {
      String shown = name.length() > 60 ? name.substring(0, 57) + "..." : name;
      throw new PlanningException(location, "Invalid topic name '" + shown + "': " + problem + ".");
    }
  }

  private static int firstInvalidCharacter(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!valid) {
        return i;
      }
    }
    return -1;
  }
}
