package dev.millrace.bench.job;

import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A job on Kafka Streams: exactly-once v2, one stream thread, no record cache (every update is
 * emitted, as Millrace does), defaults otherwise.
 */
final class StreamsRunner implements JobRunner {
  private static final String STATE_METRICS = "stream-state-metrics";
  private static final Set<String> STATE_MEMORY =
      Set.of("block-cache-usage", "size-all-mem-tables");

  private final RunSpec spec;
  private KafkaStreams streams;

  StreamsRunner(RunSpec spec) {
    this.spec = spec;
  }

  @Override
  public void prepare() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ks_" + spec.runId());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    config.put(StreamsConfig.STATE_DIR_CONFIG, spec.stateDir().toString());
    config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    streams = new KafkaStreams(StreamsTopologies.of(spec.job(), spec.outputTopic()), config);
  }

  @Override
  public void start() {
    streams.start();
  }

  /**
   * Block cache and memtables, summed over the stores: with Kafka Streams' defaults each store has
   * a block cache and memtables of its own, which it reports in these metrics.
   */
  @Override
  public OptionalLong stateMemoryBytes() {
    long bytes = 0;
    for (Metric metric : streams.metrics().values()) {
      MetricName name = metric.metricName();
      if (name.group().equals(STATE_METRICS) && STATE_MEMORY.contains(name.name())) {
        bytes += ((Number) metric.metricValue()).longValue();
      }
    }
    return OptionalLong.of(bytes);
  }

  @Override
  public void close() {
    if (streams != null) {
      streams.close();
    }
  }
}
