package dev.millrace.planner.logical;

import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * One key column of the rows at some point of a query, as the expressions over the current row
 * known to equal it (a join key has one per side). A SELECT item equal to one of them is that key
 * column in the result.
 *
 * @param candidates the equal expressions
 * @param kind what the key is, for messages: "grouping expression", "partitioning expression", ...
 * @param text the key as messages show it, e.g. {@code NAME} or {@code L.A or R.A}
 * @param example what to select to include it, e.g. {@code L.A}
 * @param repeatable whether selecting it more than once is allowed (the join key of each side): the
 *     first selected is the key, the others are values
 */
public record KeySlot(
    List<RexNode> candidates, String kind, String text, String example, boolean repeatable) {
  public KeySlot {
    candidates = List.copyOf(candidates);
  }

  public boolean matches(RexNode node) {
    return candidates.contains(node);
  }
}
