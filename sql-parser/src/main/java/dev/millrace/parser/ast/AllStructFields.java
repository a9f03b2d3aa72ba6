package dev.millrace.parser.ast;

import java.util.Objects;

/** {@code struct->*}: every field of a struct-valued expression, each as its own column. */
public record AllStructFields(Expression struct, NodeLocation location) implements SelectItem {

  public AllStructFields {
    Objects.requireNonNull(struct, "struct");
  }
}
