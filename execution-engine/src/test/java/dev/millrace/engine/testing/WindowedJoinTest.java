package dev.millrace.engine.testing;

import static dev.millrace.engine.testing.Plans.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.engine.operator.Window;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.JoinWindow;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.plan.WindowInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.LogicalSchema;
import dev.millrace.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Joins of windowed streams and tables on the test driver. Windowed streams re-keyed by their own
 * keys keep their window through the repartition topics, windowed as the plan says: a hopping and a
 * tumbling stream both moved into the hopping window meet on key and window start, the result keeps
 * the left window, and each side's WINDOWSTART and WINDOWEND keep their own values.
 */
class WindowedJoinTest {
  private static final WindowInfo HOPPING =
      new WindowInfo(WindowInfo.Type.HOPPING, 5000, 1000, -1, -1);
  private static final Formats LEFT_FORMATS =
      new Formats(FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.of(HOPPING));
  private static final Formats RIGHT_FORMATS =
      new Formats(
          FormatInfo.of("KAFKA"), FormatInfo.of("JSON"), Optional.of(WindowInfo.tumbling(2000)));
  private static final LogicalSchema STORED =
      Plans.schema(List.of(col("ID", SqlType.INTEGER)), col("V", SqlType.BIGINT));

  private final Harness harness = new Harness();

  @Test
  void streamsMovedIntoTheLeftWindowMeetOnKeyAndWindowStart() {
    PlanStep left = rekeyed(windowedStream("left", LEFT_FORMATS), "0-Join-left-repartition");
    PlanStep right = rekeyed(windowedStream("right", RIGHT_FORMATS), "1-Join-right-repartition");
    List<Column> joined = new ArrayList<>(left.schema().value());
    joined.addAll(right.schema().value());
    PlanStep join =
        new PlanStep.StreamStreamJoin(
            left,
            right,
            JoinType.INNER,
            new JoinWindow(60_000, 60_000, -1),
            "2-Join-store",
            new LogicalSchema(left.schema().key(), joined));
    int width = left.schema().value().size();
    LogicalSchema out =
        Plans.schema(
            left.schema().key(),
            col("L_V", SqlType.BIGINT),
            col("L_END", SqlType.BIGINT),
            col("R_V", SqlType.BIGINT),
            col("R_START", SqlType.BIGINT),
            col("R_END", SqlType.BIGINT));
    PlanStep select =
        new PlanStep.StreamSelect(
            join,
            List.of(
                column(left, 0, "V"),
                column(left, 0, SourceColumns.WINDOWEND),
                column(right, width, "V"),
                column(right, width, SourceColumns.WINDOWSTART),
                column(right, width, SourceColumns.WINDOWEND)),
            out);
    harness.start(
        "CSAS_OUT_0", new PlanStep.StreamSink(select, "out", LEFT_FORMATS, select.schema()));

    harness.pipe("left", LEFT_FORMATS, STORED, 1, new Window(0, 5000), new Object[] {1L}, 0);
    harness.pipe("left", LEFT_FORMATS, STORED, 1, new Window(1000, 6000), new Object[] {2L}, 1000);
    harness.pipe("left", LEFT_FORMATS, STORED, 1, new Window(2000, 7000), new Object[] {3L}, 2000);
    harness.pipe("right", RIGHT_FORMATS, STORED, 1, new Window(0, 2000), new Object[] {4L}, 0);
    harness.pipe(
        "right", RIGHT_FORMATS, STORED, 1, new Window(2000, 4000), new Object[] {5L}, 2000);
    harness.pipe("right", RIGHT_FORMATS, STORED, 2, new Window(0, 2000), new Object[] {6L}, 0);

    assertEquals(
        List.of(
            "[1] [0,5000) -> [1, 5000, 4, 0, 2000] @0",
            "[1] [2000,7000) -> [3, 7000, 5, 2000, 4000] @2000"),
        harness.read("out", LEFT_FORMATS, out));
  }

  @Test
  void aWindowedStreamMeetsTheTableRowOfItsKeyAndWindow() {
    PlanStep stream = windowedStream("clicks", RIGHT_FORMATS);
    PlanStep.TableSource table =
        new PlanStep.TableSource(
            "limits",
            RIGHT_FORMATS,
            STORED,
            Optional.empty(),
            Optional.empty(),
            "0-Source",
            SourceColumns.withPseudoColumns(STORED, true));
    List<Column> joined = new ArrayList<>(stream.schema().value());
    joined.addAll(table.schema().value());
    PlanStep join =
        new PlanStep.StreamTableJoin(
            stream, table, JoinType.LEFT, new LogicalSchema(stream.schema().key(), joined));
    LogicalSchema out =
        Plans.schema(stream.schema().key(), col("V", SqlType.BIGINT), col("LIMIT", SqlType.BIGINT));
    PlanStep select =
        new PlanStep.StreamSelect(
            join,
            List.of(column(stream, 0, "V"), column(table, stream.schema().value().size(), "V")),
            out);
    harness.start(
        "CSAS_OUT_0", new PlanStep.StreamSink(select, "out", RIGHT_FORMATS, select.schema()));

    harness.pipe("limits", RIGHT_FORMATS, STORED, 1, new Window(0, 2000), new Object[] {10L}, 0);
    harness.pipe(
        "limits", RIGHT_FORMATS, STORED, 1, new Window(2000, 4000), new Object[] {20L}, 2000);
    harness.pipe(
        "clicks", RIGHT_FORMATS, STORED, 1, new Window(2000, 4000), new Object[] {1L}, 2500);
    harness.pipe(
        "clicks", RIGHT_FORMATS, STORED, 1, new Window(4000, 6000), new Object[] {2L}, 4500);

    assertEquals(
        List.of("[1] [2000,4000) -> [1, 20] @2500", "[1] [4000,6000) -> [2, null] @4500"),
        harness.read("out", RIGHT_FORMATS, out));
  }

  private static PlanStep windowedStream(String topic, Formats formats) {
    return new PlanStep.StreamSource(
        topic,
        formats,
        STORED,
        Optional.empty(),
        Optional.empty(),
        SourceColumns.withPseudoColumns(STORED, true));
  }

  /** Re-keyed by its own key through {@code topic}, moved into the hopping window. */
  private static PlanStep rekeyed(PlanStep source, String topic) {
    return new PlanStep.StreamSelectKey(
        source,
        List.of(Plans.ref(source, "ID")),
        topic,
        new LogicalSchema(STORED.key(), source.schema().value()),
        Optional.of(HOPPING));
  }

  /** A column of one side, at its place in the joined row ({@code offset}: the side's first). */
  private static Expr.ColumnRef column(PlanStep side, int offset, String name) {
    Expr.ColumnRef ref = Plans.ref(side, name);
    return new Expr.ColumnRef(offset + ref.index(), name, ref.type());
  }
}
