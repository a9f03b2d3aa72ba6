package dev.millrace.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a join job's whole output, after the run, and counts the page views that did not find their
 * user (a null {@code REGIONID}): every user is in the table before the first page view, so a
 * correct stream-table join has none.
 */
public final class JoinCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrapServers;

  public JoinCheck(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Output records whose user was missing. */
  public long unmatched(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = Topics.readFromStart(bootstrapServers, topic)) {
      List<TopicPartition> partitions = Topics.partitions(topic);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long unmatched = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          unmatched += hasUser(record.value()) ? 0 : 1;
        }
      }
      return unmatched;
    }
  }

  private static boolean hasUser(byte[] value) {
    try {
      JsonNode region = JSON.readTree(value).get("REGIONID");
      return region != null && !region.isNull();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
