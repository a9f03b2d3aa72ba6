package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code PRINT topic [FROM BEGINNING] [INTERVAL n] [LIMIT n]}. The topic name keeps its case
 * (topics are case-sensitive), whether written bare, back-quoted or as a string.
 */
public record PrintTopic(
    String topic,
    boolean fromBeginning,
    OptionalInt interval,
    OptionalInt limit,
    NodeLocation location)
    implements Statement {

  public PrintTopic {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(limit, "limit");
  }
}
