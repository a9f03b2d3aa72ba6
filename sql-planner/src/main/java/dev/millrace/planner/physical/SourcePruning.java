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
 * and filters pass rows on unchanged. A stream-table or stream-stream join below them emits each
 * stream side's value as it is, followed by the other side's, and matches on keys and times only,
 * so a column of a side is read when the projection or a filter reads its place in the joined row:
 *
 * <pre>
 * StreamSelect [A, N]                     StreamSelect [A, N]
 *   StreamTableJoin (A, B, C | N)  becomes  StreamTableJoin (A, B, C | N)
 *     StreamSource (A, B, C)                  StreamSource (A, B, C) skipping B, C
 *     TableSource (N)                         TableSource (N)
 * </pre>
 *
 * <p>Every other step (a sink writing the source's rows as they are, a re-keying, an aggregation, a
 * table source whose rows are stored) may read any column, so its sources decode them all. The
 * timestamp column is always decoded: the source reads it.
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
    if (step instanceof PlanStep.StreamTableJoin join) {
      // The table side is stored whole: its rows are looked up, not decoded per stream record.
      return new PlanStep.StreamTableJoin(
          pruned(join.left(), read.get(0, width(join.left()))),
          join.right(),
          join.type(),
          join.schema());
    }
    if (step instanceof PlanStep.StreamStreamJoin join) {
      int leftWidth = width(join.left());
      return new PlanStep.StreamStreamJoin(
          pruned(join.left(), read.get(0, leftWidth)),
          pruned(join.right(), read.get(leftWidth, leftWidth + width(join.right()))),
          join.type(),
          join.window(),
          join.storeName(),
          join.schema());
    }
    return step;
  }

  private static int width(PlanStep step) {
    return step.schema().value().size();
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
