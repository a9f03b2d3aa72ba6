package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code SELECT items FROM from [WINDOW w] [WHERE e] [GROUP BY ...] [PARTITION BY ...] [HAVING e]
 * [EMIT CHANGES|FINAL] [LIMIT n]}. As a statement on its own it is a push query (with EMIT) or a
 * pull query (without); it is also the body of CREATE ... AS and INSERT INTO.
 */
public record Query(
    List<SelectItem> select,
    Relation from,
    Optional<WindowExpression> window,
    Optional<Expression> where,
    List<Expression> groupBy,
    List<Expression> partitionBy,
    Optional<Expression> having,
    Optional<EmitMode> emit,
    OptionalInt limit,
    NodeLocation location)
    implements Statement {

  public Query {
    select = List.copyOf(select);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(where, "where");
    groupBy = List.copyOf(groupBy);
    partitionBy = List.copyOf(partitionBy);
    Objects.requireNonNull(having, "having");
    Objects.requireNonNull(emit, "emit");
    Objects.requireNonNull(limit, "limit");
  }

  /** Whether the query streams changes ({@code EMIT ...}) rather than answering once. */
  public boolean isPushQuery() {
    return emit.isPresent();
  }
}
