package dev.millrace.bench.job;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A job on Kafka Streams: the pass's guarantee (exactly-once v2 unless told), one stream thread, no
 * record cache (every update is emitted, as Millrace does), defaults otherwise.
 */
final class StreamsRunner implements JobRunner {
  private static final String STATE_METRICS = "stream-state-metrics";
  private static final String BLOCK_CACHE = "block-cache-usage";
  private static final String BLOCK_CACHE_PINNED = "block-cache-pinned-usage";
  private static final String MEMTABLES = "size-all-mem-tables";

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
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, spec.guarantee().setting());
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
   * Block caches and memtables, summed over the stores: with Kafka Streams' defaults each store has
   * a block cache and memtables of its own, which it reports in its metrics. Its memtables are not
   * in its cache, so they count as pinned beside the cache's pinned blocks.
   */
  @Override
  public StateMemory stateMemory() {
    long cache = sum(BLOCK_CACHE);
    long cachePinned = sum(BLOCK_CACHE_PINNED);
    long memtables = sum(MEMTABLES);
    return new StateMemory(cache + memtables, cachePinned + memtables);
  }

  private long sum(String metricName) {
    long sum = 0;
    for (Metric metric : streams.metrics().values()) {
      MetricName name = metric.metricName();
      if (name.group().equals(STATE_METRICS) && name.name().equals(metricName)) {
        sum += ((Number) metric.metricValue()).longValue();
      }
    }
    return sum;
  }

  @Override
  public void close() {
    if (streams != null) {
      streams.close();
    }
  }
}
