package dev.millrace.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Which failures restart a query by themselves (SYSTEM), and how long each restart waits. */
class QueryFailuresTest {

  @Test
  void classifiesByTheFirstKnownCauseInTheChain() {
    assertEquals(QueryError.Type.SYSTEM, type(new TimeoutException("t")));
    assertEquals(
        QueryError.Type.SYSTEM,
        type(new KafkaException("cannot commit", new NotEnoughReplicasException("isr"))));
    assertEquals(
        QueryError.Type.SYSTEM,
        type(
            new QueryStartException(
                "cannot list topics", new ExecutionException(new TimeoutException("t")))));
    assertEquals(
        QueryError.Type.USER,
        type(new KafkaException("cannot write", new RecordTooLargeException("big"))));
    assertEquals(QueryError.Type.USER, type(new TopicAuthorizationException("denied")));
    assertEquals(QueryError.Type.USER, type(new QueryStartException("topic t does not exist")));
    assertEquals(QueryError.Type.UNKNOWN, type(new IllegalStateException("bug")));
    assertEquals(QueryError.Type.UNKNOWN, type(new KafkaException("fenced")));
  }

  @Test
  void theErrorKeepsTheMessageOrTheExceptionsName() {
    assertEquals("t", QueryError.of(new TimeoutException("t"), Instant.EPOCH).message());
    assertEquals(
        "NullPointerException", QueryError.of(new NullPointerException(), Instant.EPOCH).message());
  }

  @Test
  void theBackoffDoublesUpToItsMaximum() {
    RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(15), Duration.ofSeconds(100));
    assertEquals(Duration.ofSeconds(15), backoff.delay(1));
    assertEquals(Duration.ofSeconds(30), backoff.delay(2));
    assertEquals(Duration.ofSeconds(60), backoff.delay(3));
    assertEquals(Duration.ofSeconds(100), backoff.delay(4));
    assertEquals(Duration.ofSeconds(100), backoff.delay(1_000));
    assertEquals(Duration.ZERO, new RestartBackoff(Duration.ZERO, Duration.ZERO).delay(3));
  }

  private static QueryError.Type type(Throwable failure) {
    return QueryFailures.classify(failure);
  }
}
