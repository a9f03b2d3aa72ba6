package dev.millrace.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FetchLagTest {
  private static final TopicPartition USERS = new TopicPartition("users", 0);
  private static final TopicPartition VIEWS = new TopicPartition("pageviews", 0);

  @Test
  void onePollAsksTheConsumerOncePerPartitionAndKeepsItsFirstAnswer() {
    List<TopicPartition> asked = new ArrayList<>();
    long[] lag = {0};
    FetchLag consumer =
        partition -> {
          asked.add(partition);
          return partition.equals(USERS) ? OptionalLong.of(lag[0]) : OptionalLong.empty();
        };

    FetchLag poll = FetchLag.onePoll(consumer);
    OptionalLong first = poll.of(USERS);
    lag[0] = 5;

    assertEquals(OptionalLong.of(0), first);
    assertEquals(OptionalLong.of(0), poll.of(USERS));
    assertEquals(OptionalLong.empty(), poll.of(VIEWS));
    assertEquals(OptionalLong.empty(), poll.of(VIEWS));
    assertEquals(List.of(USERS, VIEWS), asked);
    assertEquals(OptionalLong.of(5), FetchLag.onePoll(consumer).of(USERS));
  }
}
