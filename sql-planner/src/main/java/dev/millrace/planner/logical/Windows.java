package dev.millrace.planner.logical;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.parser.ast.HoppingWindow;
import dev.millrace.parser.ast.SessionWindow;
import dev.millrace.parser.ast.TimeSpan;
import dev.millrace.parser.ast.TumblingWindow;
import dev.millrace.parser.ast.WindowExpression;
import dev.millrace.planner.PlanningException;
import java.util.Optional;

/** The engine's {@link WindowInfo} of a WINDOW clause. */
final class Windows {
  private Windows() {}

  /**
   * {@code emitFinal}: the aggregation emits only closed windows (EMIT FINAL), whose grace period
   * is zero when not given, as in ksqlDB, rather than the usual default of 24 hours.
   */
  static WindowInfo of(WindowExpression window, boolean emitFinal) {
    long grace = window.grace().map(TimeSpan::toMillis).orElse(emitFinal ? 0L : -1L);
    long retention = millis(window.retention());
    if (window instanceof TumblingWindow t) {
      long size = positive(t.size());
      return new WindowInfo(WindowInfo.Type.TUMBLING, size, size, grace, retention);
    }
    if (window instanceof HoppingWindow h) {
      long size = positive(h.size());
      long advance = positive(h.advanceBy());
      if (advance > size) {
        throw new PlanningException(
            h.location(),
            "A HOPPING window's ADVANCE BY ("
                + advance
                + " ms) must not be larger than its SIZE ("
                + size
                + " ms).");
      }
      return new WindowInfo(WindowInfo.Type.HOPPING, size, advance, grace, retention);
    }
    long gap = positive(((SessionWindow) window).gap());
    return new WindowInfo(WindowInfo.Type.SESSION, gap, gap, grace, retention);
  }

  private static long positive(TimeSpan span) {
    if (span.toMillis() <= 0) {
      throw new PlanningException(span.location(), "Window sizes must be positive.");
    }
    return span.toMillis();
  }

  private static long millis(Optional<TimeSpan> span) {
    return span.map(TimeSpan::toMillis).orElse(-1L);
  }
}
