package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.millrace.server.service.QueryHeader.QueryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryOutputTest {

  private final RecordingSubscriber subscriber = new RecordingSubscriber();
  private final AtomicInteger cancels = new AtomicInteger();
  private QueryOutput output;

  @BeforeEach
  void start() {
    output = new QueryOutput(subscriber, 2, cancels::incrementAndGet);
    output.start(new QueryHeader("q1", QueryType.PUSH, List.of("A"), List.of("INTEGER")));
  }

  @Test
  void deliversRowsOnlyOnDemand() {
    output.offer(List.of(1));
    output.offer(List.of(2));
    assertEquals(List.of("start q1"), subscriber.events);

    subscriber.subscription.request(1);
    assertEquals(List.of("start q1", "row [1]"), subscriber.events);

    subscriber.subscription.request(5);
    output.offer(List.of(3));
    assertEquals(List.of("start q1", "row [1]", "row [2]", "row [3]"), subscriber.events);
  }

  @Test
  void reportsWhenTheBufferIsFullButKeepsEveryRow() {
    assertTrue(output.offer(List.of(1)));
    assertFalse(output.offer(List.of(2)));
    assertFalse(output.offer(List.of(3)));
    assertFalse(output.hasCapacity());

    subscriber.subscription.request(2);
    assertTrue(output.hasCapacity());
    subscriber.subscription.request(1);
    assertEquals(List.of("start q1", "row [1]", "row [2]", "row [3]"), subscriber.events);
  }

  @Test
  void endsOnlyAfterTheBufferedRows() {
    output.offer(List.of(1));
    output.end(QueryEnd.LIMIT_REACHED);
    assertEquals(List.of("start q1"), subscriber.events);

    subscriber.subscription.request(1);
    assertEquals(List.of("start q1", "row [1]", "end LIMIT_REACHED"), subscriber.events);
  }

  @Test
  void failsAfterTheBufferedRowsAndOnlyOnce() {
    subscriber.subscription.request(10);
    output.offer(List.of(1));
    output.fail(new EngineException(ErrorCode.SERVER_ERROR, "broker gone"));
    output.end(QueryEnd.COMPLETED);
    assertEquals(List.of("start q1", "row [1]", "error broker gone"), subscriber.events);
  }

  @Test
  void cancelStopsDeliveryAndRunsTheCancelActionOnce() {
    output.offer(List.of(1));
    subscriber.subscription.cancel();
    subscriber.subscription.cancel();
    subscriber.subscription.request(10);
    output.offer(List.of(2));
    output.end(QueryEnd.COMPLETED);

    assertEquals(List.of("start q1"), subscriber.events);
    assertEquals(1, cancels.get());
    assertTrue(output.isCancelled());
  }

  @Test
  void requestFromInsideOnRowDeliversInOrderWithoutRecursion() {
    QuerySubscriber greedy =
        new QuerySubscriber() {
          QuerySubscription subscription;

          @Override
          public void onStart(QueryHeader header, QuerySubscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
          }

          @Override
          public void onRow(List<Object> row) {
            subscriber.events.add("row " + row);
            subscription.request(1);
          }

          @Override
          public void onEnd(QueryEnd end) {
            subscriber.events.add("end " + end);
          }

          @Override
          public void onError(EngineException error) {
            subscriber.events.add("error");
          }
        };
    QueryOutput chained = new QueryOutput(greedy, 100, () -> {});
    subscriber.events.clear();
    for (int i = 0; i < 3; i++) {
      chained.offer(List.of(i));
    }
    chained.start(new QueryHeader("q2", QueryType.PULL, List.of("A"), List.of("INTEGER")));
    chained.end(QueryEnd.COMPLETED);
    assertEquals(List.of("row [0]", "row [1]", "row [2]", "end COMPLETED"), subscriber.events);
  }

  @Test
  void rejectsNonPositiveDemand() {
    assertThrows(IllegalArgumentException.class, () -> subscriber.subscription.request(0));
  }
}
