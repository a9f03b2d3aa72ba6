package dev.millrace.planner.physical;

import dev.millrace.engine.plan.ExprColumns;
import dev.millrace.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Marks the stored value columns a stream source need not decode, because the projection reading it
 * (through filters only) never looks at them. Decoding is most of a simple query's work, and wide
 * records often carry long strings that a query neither filters on nor outputs.
 *
 * <pre>
 * StreamSelect [A, B + 1]                 StreamSelect [A, B + 1]
 *   StreamFilter C > 0          becomes     StreamFilter C > 0
 *     StreamSource (A, B, C, D, E)            StreamSource (A, B, C, D, E) skipping D, E
 * </pre>
 *
 * <p>A projection builds new rows from its expressions, so nothing above it sees the source's row,
 * and filters pass rows on unchanged. Only that shape is pruned: every other step (a sink writing
 * the source's rows as they are, a re-keying, an aggregation, a join, a table source whose rows are
 * stored) may read any column, so its sources decode them all. The timestamp column is always
 * decoded: the source reads it.
 */
final class SourcePruning {
  private SourcePruning() {}

  /** {@code select} with the stream source below its filters skipping the columns none reads. */
  static PlanStep.StreamSelect apply(PlanStep.StreamSelect select) {
    BitSet read = new BitSet();
    select.values().forEach(value -> ExprColumns.addReads(value, read));
    return new PlanStep.StreamSelect(
        pruned(select.source(), read), select.values(), select.schema());
  }

  private static PlanStep pruned(PlanStep step, BitSet read) {
    if (step instanceof PlanStep.StreamFilter filter) {
      ExprColumns.addReads(filter.predicate(), read);
      return new PlanStep.StreamFilter(
          pruned(filter.source(), read), filter.predicate(), filter.schema());
    }
    if (step instanceof PlanStep.StreamSource source) {
      return source.skipping(unread(source, read));
    }
    return step;
  }

  /** The stored value columns at no index in {@code read}, the timestamp column aside. */
  private static List<String> unread(PlanStep.StreamSource source, BitSet read) {
    List<String> unread = new ArrayList<>();
    var stored = source.sourceSchema().value();
    for (int i = 0; i < stored.size(); i++) {
      String name = stored.get(i).name();
      if (!read.get(i) && !source.timestampColumn().equals(Optional.of(name))) {
        unread.add(name);
      }
    }
    return unread;
  }
}
