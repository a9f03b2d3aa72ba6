package dev.millrace.bench.job;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.engine.state.RocksDbMemory;
import dev.millrace.server.kafka.KafkaBackend;
import dev.millrace.server.service.CommandSink;
import dev.millrace.server.service.Session;
import dev.millrace.server.service.StatementEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Millrace as the benchmark drives it: the server's statement engine on the Kafka runtime (what
 * {@code bin/millrace server} runs, minus REST and the command log), every statement run with the
 * {@link MillraceQueries#session session properties} of the pass's guarantee.
 */
final class MillraceSession implements AutoCloseable {
  private final StatementEngine engine;
  private final RocksDbMemory stateMemory;
  private final Map<String, Object> properties;

  private MillraceSession(
      StatementEngine engine, RocksDbMemory stateMemory, Map<String, Object> properties) {
    this.engine = engine;
    this.stateMemory = stateMemory;
    this.properties = properties;
  }

  /**
   * @param serviceId unique per pass, so no consumer group or internal topic is shared
   * @param registry the registry of the AVRO job's schemas
   * @param stateMemory the RocksDB pool the queries' stores share, as {@code
   *     ksql.plugins.rocksdb.cache.size} sizes a server's
   * @param guarantee the {@code processing.guarantee} of the session's queries
   */
  static MillraceSession start(
      String bootstrapServers,
      String serviceId,
      Path stateDir,
      SchemaRegistry registry,
      RocksDbMemory stateMemory,
      Guarantee guarantee) {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    RuntimeConfig runtime =
        RuntimeConfig.of(bootstrapServers, serviceId, stateDir).withStateMemory(stateMemory);
    KafkaBackend backend = new KafkaBackend(runtime, functions, Duration.ofSeconds(30), registry);
    return new MillraceSession(
        new StatementEngine(backend, CommandSink.NONE, functions, Map.of(), false),
        runtime.stateMemory(),
        MillraceQueries.session(guarantee));
  }

  /** The RocksDB memory pool the queries' stores draw on. */
  RocksDbMemory stateMemory() {
    return stateMemory;
  }

  void run(String sql) {
    engine.execute(engine.parse(sql).get(0), Session.of(properties, Map.of()));
  }

  @Override
  public void close() {
    engine.close();
  }
}
