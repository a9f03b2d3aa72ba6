package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The lines of a PRINT on the embedded broker, which prints in the background until its LIMIT: the
 * format lines, then a line per record; an error ends them with a line "error: message".
 */
final class PrintLines implements QuerySubscriber {
  private final CountDownLatch ended = new CountDownLatch(1);
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private PrintLines() {}

  /** Runs the PRINT statement and returns its lines once it ended; fails if it never does. */
  static List<String> await(StatementEngine engine, String sql) throws InterruptedException {
    PrintLines print = new PrintLines();
    engine.runQuery(engine.parse(sql).get(0), Session.of(new HashMap<>(), Map.of()), print);
    assertTrue(
        print.ended.await(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS),
        "PRINT never reached its LIMIT");
    return List.copyOf(print.lines);
  }

  @Override
  public void onStart(QueryHeader header, QuerySubscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onRow(List<Object> row) {
    lines.add((String) row.get(0));
  }

  @Override
  public void onEnd(QueryEnd end) {
    ended.countDown();
  }

  @Override
  public void onError(EngineException error) {
    lines.add("error: " + error.getMessage());
    ended.countDown();
  }
}
