package dev.millrace.server.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.HttpSchemaRegistry;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.api.KsqlEntity;
import dev.millrace.server.kafka.KafkaBackend;
import dev.millrace.server.registry.TestSchemaRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded broker, a {@link KafkaBackend} on it and a statement engine over that backend, for
 * the tests of one class: started before the first and closed after the last, the queries' state
 * beside the broker's data (see {@link KafkaBrokerExtension}). Statements go to no command log.
 * Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaEngineExtension kafka = KafkaEngineExtension.forService("my_test");
 * }</pre>
 */
final class KafkaEngineExtension implements BeforeAllCallback, AfterAllCallback {
  /** Read with {@link #run(String, Map)}, persistent queries start at their sources' beginning. */
  static final Map<String, Object> EARLIEST = Map.of("auto.offset.reset", "earliest");

  private final String serviceId;
  private final boolean registry;
  private final boolean processingLog;
  private final Function<KafkaBackend, QueryBackend> wrapper;

  private final KafkaBrokerExtension broker = new KafkaBrokerExtension();
  private SchemaRegistry schemaRegistry;
  private QueryBackend backend;
  private StatementEngine engine;

  private KafkaEngineExtension(
      String serviceId,
      boolean registry,
      boolean processingLog,
      Function<KafkaBackend, QueryBackend> wrapper) {
    this.serviceId = serviceId;
    this.registry = registry;
    this.processingLog = processingLog;
    this.wrapper = wrapper;
  }

  /** The queries run under {@code serviceId}, with no schema registry and no processing log. */
  static KafkaEngineExtension forService(String serviceId) {
    return new KafkaEngineExtension(serviceId, false, false, backend -> backend);
  }

  /** With the tests' real schema registry ({@link TestSchemaRegistry}) for the registry formats. */
  KafkaEngineExtension withRegistry() {
    return new KafkaEngineExtension(serviceId, true, processingLog, wrapper);
  }

  /** With the service's processing log: its topic written, its stream in the catalog. */
  KafkaEngineExtension withProcessingLog() {
    return new KafkaEngineExtension(serviceId, registry, true, wrapper);
  }

  /** The engine runs on what {@code wrapper} makes of the Kafka backend (a recording one, say). */
  KafkaEngineExtension withBackend(Function<KafkaBackend, QueryBackend> wrapper) {
    return new KafkaEngineExtension(serviceId, registry, processingLog, wrapper);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    broker.beforeAll(context);
    schemaRegistry =
        registry
            ? new HttpSchemaRegistry(TestSchemaRegistry.url())
            : UnconfiguredSchemaRegistry.INSTANCE;
    RuntimeConfig runtime =
        RuntimeConfig.of(broker.bootstrapServers(), serviceId, broker.dataDir().resolve("state"));
    if (processingLog) {
      runtime = runtime.withProcessingLogTopic(ProcessingLogStream.topic(serviceId));
    }
    FunctionRegistry functions = FunctionRegistry.builtIns();
    backend =
        wrapper.apply(new KafkaBackend(runtime, functions, Duration.ofSeconds(30), schemaRegistry));
    engine = new StatementEngine(backend, CommandSink.NONE, functions, Map.of(), false);
    if (processingLog) {
      ProcessingLogStream.register(engine, serviceId);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    engine.close();
    broker.afterAll(context);
  }

  /** The registry the backend uses: the tests' real one, or the unconfigured one. */
  SchemaRegistry schemaRegistry() {
    return schemaRegistry;
  }

  QueryBackend backend() {
    return backend;
  }

  StatementEngine engine() {
    return engine;
  }

  /** What queries wrote to the broker's topics. */
  TopicOutput output() {
    return new TopicOutput(backend);
  }

  /** Runs one statement in a session without properties, and returns its entity. */
  KsqlEntity run(String sql) {
    return run(sql, Map.of());
  }

  /** Runs one statement in a session with {@code properties} set, and returns its entity. */
  KsqlEntity run(String sql, Map<String, Object> properties) {
    return engine.execute(
        engine.parse(sql).get(0), Session.of(new HashMap<>(properties), Map.of()));
  }

  /** A producer of raw bytes to the broker, acknowledged by every replica. */
  KafkaProducer<byte[], byte[]> producer() {
    return KafkaClients.producer(broker.bootstrapServers());
  }

  /** What the queries report, for an assertion's message: their metrics and the processing log. */
  String diagnostics() {
    StringBuilder text = new StringBuilder();
    engine.queryMetrics().forEach(m -> text.append(m).append('\n'));
    String log = ProcessingLogStream.topic(serviceId);
    if (backend.topicExists(log)) {
      backend.readTopic(log).forEach(r -> text.append(new String(r.value(), UTF_8)).append('\n'));
    }
    return text.toString();
  }
}
