package dev.millrace.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The choice of a task's next record: timestamp order across partitions, and when to wait for an
 * empty one.
 */
class TaskInputsTest {
  private static final TopicPartition USERS = new TopicPartition("users", 0);
  private static final TopicPartition VIEWS = new TopicPartition("pageviews", 0);
  private static final long NOW = 1_000_000;

  private final Lags lags = new Lags();

  @Test
  void takesTheSmallestTimestampAcrossPartitionsEachInOffsetOrder() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    inputs.add(VIEWS, records(VIEWS, 0, 5, 20, 30));
    inputs.add(USERS, records(USERS, 0, 10, 25, 40));
    lags.set(USERS, 0);
    lags.set(VIEWS, 0);

    assertEquals(
        List.of("pageviews@5", "users@10", "pageviews@20", "users@25", "pageviews@30", "users@40"),
        drain(inputs, NOW));
  }

  @Test
  void aRecordWithAnOlderTimestampLaterInItsPartitionStillWaitsForTheRecordsBeforeIt() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    inputs.add(VIEWS, records(VIEWS, 0, 50, 10));
    inputs.add(USERS, records(USERS, 0, 30));
    lags.set(USERS, 0);
    lags.set(VIEWS, 0);

    assertEquals(List.of("users@30", "pageviews@50", "pageviews@10"), drain(inputs, NOW));
  }

  @Test
  void atEqualTimestampsTheTableSideGoesFirst() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    inputs.add(VIEWS, records(VIEWS, 0, 7, 8));
    inputs.add(USERS, records(USERS, 0, 7, 8));
    lags.set(USERS, 0);
    lags.set(VIEWS, 0);

    assertEquals(List.of("users@7", "pageviews@7", "users@8", "pageviews@8"), drain(inputs, NOW));
  }

  @Test
  void waitsForAnEmptyPartitionWhoseRecordsAreOnTheBrokerButNotFetched() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    inputs.add(VIEWS, records(VIEWS, 0, 100, 200));
    lags.set(USERS, 2);
    lags.set(VIEWS, 0);

    assertNull(inputs.next(NOW, lags));
    assertNull(inputs.next(NOW + 3_600_000, lags), "known lag is waited for however long it takes");

    inputs.add(USERS, records(USERS, 0, 50, 150));
    lags.set(USERS, 0);
    assertEquals(
        List.of("users@50", "pageviews@100", "users@150", "pageviews@200"), drain(inputs, NOW));
  }

  @Test
  void waitsForAnEmptyPartitionNoFetchHasAnsweredForYet() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    inputs.add(VIEWS, records(VIEWS, 0, 100));
    lags.set(VIEWS, 0);

    assertNull(inputs.next(NOW, lags));
  }

  @Test
  void doesNotWaitForAnEmptyPartitionAtItsEndWithTheDefaultIdleTime() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    inputs.add(VIEWS, records(VIEWS, 0, 100, 200));
    lags.set(USERS, 0);
    lags.set(VIEWS, 0);

    assertEquals(List.of("pageviews@100", "pageviews@200"), drain(inputs, NOW));
  }

  @Test
  void waitsUpToTheIdleTimeForAnEmptyPartitionAtItsEnd() {
    TaskInputs inputs = joinInputs(Duration.ofMillis(50));
    inputs.add(VIEWS, records(VIEWS, 0, 100, 200));
    lags.set(USERS, 0);
    lags.set(VIEWS, 0);

    assertNull(inputs.next(NOW, lags));
    assertNull(inputs.next(NOW + 49, lags));
    assertEquals(List.of("pageviews@100", "pageviews@200"), drain(inputs, NOW + 50));
  }

  @Test
  void theIdleTimeStartsAgainOnceThePartitionHadRecords() {
    TaskInputs inputs = joinInputs(Duration.ofMillis(50));
    lags.set(USERS, 0);
    lags.set(VIEWS, 0);
    inputs.add(VIEWS, records(VIEWS, 0, 100));
    assertNull(inputs.next(NOW, lags));
    assertEquals(List.of("pageviews@100"), drain(inputs, NOW + 50));

    inputs.add(USERS, records(USERS, 0, 110));
    inputs.add(VIEWS, records(VIEWS, 1, 120, 130));
    assertEquals(List.of("users@110"), drain(inputs, NOW + 60));
    assertNull(inputs.next(NOW + 109, lags), "users is empty again since NOW + 60");
    assertEquals(List.of("pageviews@120", "pageviews@130"), drain(inputs, NOW + 110));
  }

  @Test
  void aNegativeIdleTimeNeverWaits() {
    TaskInputs inputs = joinInputs(Duration.ofMillis(-1));
    inputs.add(VIEWS, records(VIEWS, 0, 100));
    lags.set(USERS, 1_000);

    assertEquals(List.of("pageviews@100"), drain(inputs, NOW));
  }

  @Test
  void aSinglePartitionNeverWaits() {
    TaskInputs inputs = new TaskInputs(Duration.ofHours(1));
    inputs.register(VIEWS, false);
    inputs.add(VIEWS, records(VIEWS, 0, 100));

    assertEquals(List.of("pageviews@100"), drain(inputs, NOW));
  }

  @Test
  void commitsUpToTheFirstRecordNotProcessedYet() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    inputs.add(VIEWS, records(VIEWS, 10, 100, 200));
    lags.set(VIEWS, 0);
    assertNull(inputs.next(NOW, lags), "waits for users: lag unknown");
    assertEquals(Map.of(VIEWS, 10L), inputs.committable());

    lags.set(USERS, 0);
    inputs.next(NOW, lags);
    assertEquals(Map.of(VIEWS, 11L), inputs.committable());
    inputs.next(NOW, lags);
    assertEquals(Map.of(VIEWS, 12L), inputs.committable());
    assertEquals(Map.of(), inputs.committable(), "nothing new since the last commit");
  }

  @Test
  void aPartitionIsFullAtTheBufferLimit() {
    TaskInputs inputs = joinInputs(Duration.ZERO);
    long[] timestamps = new long[TaskInputs.BUFFER_LIMIT - 1];
    inputs.add(VIEWS, records(VIEWS, 0, timestamps));
    assertFalse(inputs.full(VIEWS));
    inputs.add(VIEWS, records(VIEWS, TaskInputs.BUFFER_LIMIT - 1, 0));
    assertTrue(inputs.full(VIEWS));
    assertFalse(inputs.full(USERS));
  }

  /** A stream-table join's inputs: the users table wins ties. */
  private static TaskInputs joinInputs(Duration idle) {
    TaskInputs inputs = new TaskInputs(idle);
    inputs.register(VIEWS, false);
    inputs.register(USERS, true);
    return inputs;
  }

  private List<String> drain(TaskInputs inputs, long now) {
    List<String> taken = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record = inputs.next(now, lags);
        record != null;
        record = inputs.next(now, lags)) {
      taken.add(record.topic() + "@" + record.timestamp());
    }
    return taken;
  }

  private static List<ConsumerRecord<byte[], byte[]>> records(
      TopicPartition partition, long firstOffset, long... timestamps) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < timestamps.length; i++) {
      records.add(
          new ConsumerRecord<>(
              partition.topic(),
              partition.partition(),
              firstOffset + i,
              timestamps[i],
              TimestampType.CREATE_TIME,
              0,
              0,
              new byte[0],
              new byte[0],
              new RecordHeaders(),
              Optional.empty()));
    }
    return records;
  }

  /**
   * What a consumer would report of each partition's unfetched records; absent means not known yet.
   */
  private static final class Lags implements FetchLag {
    private final Map<TopicPartition, Long> lags = new HashMap<>();

    void set(TopicPartition partition, long lag) {
      lags.put(partition, lag);
    }

    @Override
    public OptionalLong of(TopicPartition partition) {
      Long lag = lags.get(partition);
      return lag == null ? OptionalLong.empty() : OptionalLong.of(lag);
    }
  }
}
