package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * A lambda argument of a higher-order function: {@code x => body} or {@code (x, y) => body}. Uses
 * of the parameters inside the body are {@link LambdaVariable}s.
 */
public record Lambda(List<String> parameters, Expression body, NodeLocation location)
    implements Expression {

  public Lambda {
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(body, "body");
  }
}
