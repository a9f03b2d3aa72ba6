package dev.millrace.bench.job;

import dev.millrace.bench.data.OutputWatch;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.runtime.RuntimeConfig;
import dev.millrace.server.kafka.KafkaBackend;
import dev.millrace.server.service.CommandSink;
import dev.millrace.server.service.Session;
import dev.millrace.server.service.StatementEngine;
import java.time.Duration;
import java.util.Map;

/**
 * A job on Millrace: the server's statement engine on the Kafka runtime, as {@code bin/millrace
 * server} runs it minus REST and the command log. Its schema registry is the in-memory one: the
 * server has no registry of its own yet, and the AVRO job needs one only inside this JVM.
 */
final class MillraceRunner implements JobRunner {
  private final RunSpec spec;
  private StatementEngine engine;

  MillraceRunner(RunSpec spec) {
    this.spec = spec;
  }

  @Override
  public void prepare() {
    FunctionRegistry functions = FunctionRegistry.builtIns();
    RuntimeConfig runtime =
        RuntimeConfig.of(spec.bootstrapServers(), "bench_" + spec.runId(), spec.stateDir());
    KafkaBackend backend =
        new KafkaBackend(runtime, functions, Duration.ofSeconds(30), new InMemorySchemaRegistry());
    engine = new StatementEngine(backend, CommandSink.NONE, functions, Map.of(), false);
    MillraceQueries.sources().forEach(this::run);
    if (spec.job() == Job.FILTER_AVRO) {
      convertToAvro();
    }
  }

  private void convertToAvro() {
    String topic = "pageviews_avro_" + spec.runId();
    run(MillraceQueries.toAvro(topic));
    OutputWatch.Seen seen = new OutputWatch(spec.bootstrapServers()).await(topic, spec.pageviews());
    if (!seen.complete(spec.pageviews())) {
      throw new IllegalStateException(
          "the AVRO copy of the page views stalled at " + seen.records() + " records");
    }
    run("TERMINATE ALL;");
  }

  @Override
  public void start() {
    run(MillraceQueries.query(spec.job(), spec.outputTopic()));
  }

  private void run(String sql) {
    engine.execute(engine.parse(sql).get(0), Session.of(MillraceQueries.SESSION, Map.of()));
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
