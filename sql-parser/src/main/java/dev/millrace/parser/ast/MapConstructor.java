package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code MAP(k1 := v1, k2 := v2, ...)}; entries keep their written order. */
public record MapConstructor(List<Entry> entries, NodeLocation location) implements Expression {

  /** One {@code key := value} pair. */
  public record Entry(Expression key, Expression value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  public MapConstructor {
    entries = List.copyOf(entries);
  }
}
