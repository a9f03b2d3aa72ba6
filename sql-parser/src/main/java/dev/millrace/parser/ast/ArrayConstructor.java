package dev.millrace.parser.ast;

import java.util.List;

/** {@code ARRAY[e1, e2, ...]}. */
public record ArrayConstructor(List<Expression> elements, NodeLocation location)
    implements Expression {

  public ArrayConstructor {
    elements = List.copyOf(elements);
  }
}
