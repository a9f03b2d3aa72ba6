package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** What queries wrote to topics, read through a backend, and waits for it (see {@link Await}). */
record TopicOutput(QueryBackend backend) {

  /** The topic's records once it holds at least {@code count}; fails if it never does. */
  List<QueryBackend.TopicRecord> awaitRecords(String topic, int count) throws Exception {
    List<QueryBackend.TopicRecord> records =
        Await.until(() -> backend.readTopic(topic), read -> read.size() >= count);
    if (records.size() < count) {
      fail("topic " + topic + " never held " + count + " records; it holds " + records.size());
    }
    return records;
  }

  /**
   * The topic's records as "key value" text (UTF-8), read until they are {@code expected} or the
   * patience runs out: the caller compares them.
   */
  Set<String> awaitKeysAndValues(String topic, Set<String> expected) throws Exception {
    return Await.until(() -> keysAndValues(topic), expected::equals);
  }

  /** The topic's records as "key value" text (UTF-8); none while the topic does not exist. */
  Set<String> keysAndValues(String topic) {
    Set<String> found = new TreeSet<>();
    if (backend.topicExists(topic)) {
      for (QueryBackend.TopicRecord record : backend.readTopic(topic)) {
        found.add(new String(record.key(), UTF_8) + " " + new String(record.value(), UTF_8));
      }
    }
    return found;
  }

  /** The topic's records' values (UTF-8) once they satisfy {@code done}; fails if they never do. */
  List<String> awaitValues(String topic, Predicate<List<String>> done) throws Exception {
    List<String> values = Await.until(() -> values(topic), done);
    if (!done.test(values)) {
      fail("waited in vain for " + topic + ", which has " + values);
    }
    return values;
  }

  /** The topic's records' values (UTF-8), in order. */
  List<String> values(String topic) {
    return backend.readTopic(topic).stream()
        .map(record -> new String(record.value(), UTF_8))
        .toList();
  }
}
