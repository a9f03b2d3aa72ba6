package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.BIGINT;
import static dev.millrace.engine.function.Types.INT;
import static dev.millrace.engine.function.Types.sig;

import dev.millrace.engine.expr.EvaluationException;
import java.util.ArrayList;
import java.util.List;

/** GENERATE_SERIES(start, end[, step]): the numbers from start to end inclusive, by step. */
final class SeriesFunction {
  private SeriesFunction() {}

  static void register(FunctionRegistry.Builder b) {
    b.scalar(
            "GENERATE_SERIES",
            "The numbers from start to end inclusive, stepping by 1 or the given step.")
        .add(
            sig(TypePattern.arrayOf(INT), INT, INT),
            a -> ints((Integer) a[0], (Integer) a[1], step((Integer) a[0], (Integer) a[1])))
        .add(
            sig(TypePattern.arrayOf(INT), INT, INT, INT),
            a -> ints((Integer) a[0], (Integer) a[1], (Integer) a[2]))
        .add(
            sig(TypePattern.arrayOf(BIGINT), BIGINT, BIGINT),
            a -> longs((Long) a[0], (Long) a[1], step((Long) a[0], (Long) a[1])))
        .add(
            sig(TypePattern.arrayOf(BIGINT), BIGINT, BIGINT, INT),
            a -> longs((Long) a[0], (Long) a[1], (Integer) a[2]));
  }

  private static int step(long start, long end) {
    return end >= start ? 1 : -1;
  }

  private static List<Object> ints(int start, int end, int step) {
    List<Object> out = new ArrayList<>();
    for (Object v : longs(start, end, step)) {
      out.add(((Long) v).intValue());
    }
    return out;
  }

  private static List<Object> longs(long start, long end, int step) {
    if (step == 0) {
      throw new EvaluationException("GENERATE_SERIES step cannot be zero");
    }
    if ((end - start) * (long) Integer.signum(step) < 0) {
      throw new EvaluationException("GENERATE_SERIES step has wrong sign");
    }
    List<Object> out = new ArrayList<>();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.add(v);
    }
    return out;
  }
}
