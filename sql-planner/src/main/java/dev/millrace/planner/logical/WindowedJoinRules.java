package dev.millrace.planner.logical;

import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.serde.SerdeFormat;
import dev.millrace.parser.ast.Join;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.catalog.DataSource;
import java.util.Optional;

/**
 * ksqlDB's rules for joining two windowed sources. A windowed key is its columns plus its window,
 * and a join meets rows whose whole keys are equal, so:
 *
 * <ul>
 *   <li>a windowed side cannot be re-keyed: it must be joined on its own key;
 *   <li>it cannot be moved to another window or key format either: both sides must be windowed
 *       alike (same type, and same size for time windows), their keys written in the same format;
 *   <li>except that when the left side's key format uses a schema registry (AVRO, JSON_SR,
 *       PROTOBUF), a join always moves both sides through repartition topics (their key bytes carry
 *       each topic's schema id, so equal keys may differ in bytes), and those topics are windowed
 *       as the left side is: two streams then meet on their keys and window starts (both bounds for
 *       session windows), whatever their windows were. A table is never moved that way, so a
 *       stream-table join of windowed sources is refused with such a key format.
 * </ul>
 */
final class WindowedJoinRules {
  private static final String NO_REPARTITION =
      "Implicit repartitioning of windowed sources is not supported."
          + " See https://github.com/confluentinc/ksql/issues/4385.";

  private WindowedJoinRules() {}

  /**
   * Checks a stream-stream join of {@code left} (windowed as {@code leftWindow}, its key format
   * {@code leftKeyFormat}) and {@code right}; {@code keyed}: both sides are joined on their keys.
   *
   * @return the window both sides take through repartition topics when their key format uses a
   *     schema registry (the left side's window); empty when they join as they are
   */
  static Optional<WindowInfo> streamStream(
      Join join,
      Optional<WindowInfo> leftWindow,
      String leftKeyFormat,
      DataSource right,
      boolean keyed) {
    Optional<WindowInfo> rightWindow = right.formats().keyWindow();
    if (leftWindow.isEmpty() || rightWindow.isEmpty()) {
      return Optional.empty();
    }
    if (!keyed) {
      throw new PlanningException(join.location(), NO_REPARTITION);
    }
    if (usesRegistry(leftKeyFormat)) {
      return leftWindow;
    }
    if (!alike(leftWindow.get(), rightWindow.get())
        || !leftKeyFormat.equals(right.formats().key().format())) {
      throw new PlanningException(
          join.location(),
          "Implicit repartitioning of windowed sources is not supported. Both sides of the join"
              + " must have the same window type and size and the same key format, unless the"
              + " left side's key format is AVRO, JSON_SR or PROTOBUF (both sides are then"
              + " repartitioned into the left side's window).");
    }
    return Optional.empty();
  }

  /**
   * Checks a stream-table join of {@code left} (windowed as {@code leftWindow}, its key format
   * {@code leftKeyFormat}) and the table {@code right}; {@code keyed}: the stream is joined on its
   * key.
   */
  static void streamTable(
      Join join,
      Optional<WindowInfo> leftWindow,
      String leftKeyFormat,
      DataSource right,
      boolean keyed) {
    Optional<WindowInfo> rightWindow = right.formats().keyWindow();
    if (leftWindow.isEmpty() || rightWindow.isEmpty()) {
      return;
    }
    String rightKeyFormat = right.formats().key().format();
    if (usesRegistry(leftKeyFormat) || usesRegistry(rightKeyFormat)) {
      throw new PlanningException(
          join.location(),
          NO_REPARTITION
              + " As a result, a windowed table cannot be joined when a key format is AVRO,"
              + " JSON_SR or PROTOBUF. Please repartition your sources to use a different key"
              + " format before performing the join.");
    }
    if (!keyed
        || !alike(leftWindow.get(), rightWindow.get())
        || !leftKeyFormat.equals(rightKeyFormat)) {
      throw new PlanningException(join.location(), NO_REPARTITION);
    }
  }

  /** Same type, and for time windows the same size. */
  private static boolean alike(WindowInfo left, WindowInfo right) {
    return left.type() == right.type()
        && (left.type() == WindowInfo.Type.SESSION || left.sizeMs() == right.sizeMs());
  }

  private static boolean usesRegistry(String format) {
    return SerdeFormat.of(format).map(SerdeFormat::usesRegistry).orElse(false);
  }
}
