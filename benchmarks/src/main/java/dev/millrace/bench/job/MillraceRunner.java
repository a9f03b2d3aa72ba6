package dev.millrace.bench.job;

import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.state.RocksDbMemory;

/**
 * A job on Millrace. Its schema registry is the in-memory one (the server starts no registry of its
 * own yet): for the AVRO job it holds the schema the {@link AvroCopy} registered.
 */
final class MillraceRunner implements JobRunner {
  private final RunSpec spec;
  private MillraceSession session;

  MillraceRunner(RunSpec spec) {
    this.spec = spec;
  }

  @Override
  public void prepare() throws Exception {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    if (spec.job() == Job.FILTER_AVRO) {
      AvroCopy.registerSchema(registry, spec.workDir());
    }
    session =
        MillraceSession.start(
            spec.bootstrapServers(),
            "bench_" + spec.runId(),
            spec.stateDir(),
            registry,
            RocksDbMemory.ofTotal(spec.stateMemoryBytes()),
            spec.guarantee());
    MillraceQueries.sources().forEach(session::run);
    if (spec.job() == Job.FILTER_AVRO) {
      session.run(MillraceQueries.avroSource());
    }
  }

  @Override
  public void start() {
    session.run(MillraceQueries.query(spec.job(), spec.outputTopic()));
  }

  /** The server-wide pool's use: every store of the query draws on it. */
  @Override
  public StateMemory stateMemory() {
    RocksDbMemory pool = session.stateMemory();
    return new StateMemory(pool.usedBytes(), pool.pinnedBytes());
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
  }
}
