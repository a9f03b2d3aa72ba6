package dev.millrace.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code left [type] JOIN right [WITHIN ...] ON criteria}. Chains nest to the left: {@code a JOIN b
 * ... JOIN c ...} is {@code Join(Join(a, b), c)}; the right side is always a single source, as in
 * ksqlDB.
 */
public record Join(
    Type type,
    Relation left,
    AliasedSource right,
    Optional<WithinClause> within,
    Expression criteria,
    NodeLocation location)
    implements Relation {

  /** The join kinds; OUTER is implied by LEFT, RIGHT and FULL. */
  public enum Type {
    INNER,
    LEFT,
    RIGHT,
    FULL
  }

  public Join {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(criteria, "criteria");
  }
}
