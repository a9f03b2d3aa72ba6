package dev.millrace.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.engine.plan.JoinType;
import dev.millrace.engine.plan.JoinWindow;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two sides of one join over a fake context, sharing one store and one downstream, as in a
 * task.
 */
class StreamStreamJoinOperatorTest {
  private static final RecordContext RECORD = new RecordContext("t", 0, 0);
  private static final String STORE = "join";

  private final FakeContext context = new FakeContext();
  private final CollectingOperator out = new CollectingOperator();
  private Operator left;
  private Operator right;

  private void start(JoinType type, JoinWindow window) {
    RowCodec key = new RowCodec(List.of(SqlType.STRING));
    RowCodec value = new RowCodec(List.of(SqlType.INTEGER));
    left =
        new StreamStreamJoinOperator(
            STORE, JoinSide.LEFT, type, window, key, value, 1, value, 1, out);
    right =
        new StreamStreamJoinOperator(
            STORE, JoinSide.RIGHT, type, window, key, value, 1, value, 1, out);
    left.init(context);
    right.init(context);
  }

  private static void send(Operator side, String key, int value, long time) {
    side.process(new Row(new Object[] {key}, new Object[] {value}, time, null), RECORD);
  }

  private int storedEntries() {
    int[] count = {0};
    context.store(STORE).range(null, null, (k, v) -> count[0]++);
    return count[0];
  }

  @Test
  void stateStaysBoundedAsStreamTimeAdvances() {
    start(JoinType.INNER, new JoinWindow(10, 10, 0));
    for (int i = 0; i < 1000; i++) {
      send(left, "k" + i, i, i * 100L);
      send(right, "k" + i, i, i * 100L + 5);
    }

    assertEquals(1000, out.rows.size());
    // Two observed-time entries, and per side only the rows of the last retention period (20 ms)
    // plus what arrived since the last sweep (at most half a second of stream time).
    assertTrue(storedEntries() <= 2 + 2 * 12, "stored entries: " + storedEntries());
  }

  @Test
  void aRestartedTaskJudgesExpiryByTheSavedStreamTime() {
    start(JoinType.INNER, new JoinWindow(10, 10, 5));
    send(left, "a", 1, 100);
    send(left, "b", 2, 200);
    start(JoinType.INNER, new JoinWindow(10, 10, 5));
    send(right, "a", 3, 105);

    assertEquals(List.of(), out.rows);
  }

  @Test
  void pendingOuterRowsSurviveARestart() {
    start(JoinType.LEFT, new JoinWindow(10, 10, 0));
    send(left, "a", 1, 100);
    start(JoinType.LEFT, new JoinWindow(10, 10, 0));
    send(right, "b", 2, 111);

    assertEquals(List.of("[a] [1, null] was null @100"), out.rows);
  }
}
