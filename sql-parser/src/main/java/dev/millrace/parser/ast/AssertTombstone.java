package dev.millrace.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code ASSERT NULL VALUES target [(keyColumns)] KEY (keyValues)}: the test runner checks that the
 * next record of the target is a tombstone for this key.
 */
public record AssertTombstone(
    String target, List<String> keyColumns, List<Expression> keyValues, NodeLocation location)
    implements Statement {

  public AssertTombstone {
    Objects.requireNonNull(target, "target");
    keyColumns = List.copyOf(keyColumns);
    keyValues = List.copyOf(keyValues);
  }
}
