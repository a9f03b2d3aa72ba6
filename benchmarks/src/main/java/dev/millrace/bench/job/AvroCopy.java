package dev.millrace.bench.job;

import dev.millrace.bench.data.OutputWatch;
import dev.millrace.bench.data.Topics;
import dev.millrace.engine.registry.InMemorySchemaRegistry;
import dev.millrace.engine.registry.RegisteredSchema;
import dev.millrace.engine.registry.SchemaRegistry;
import dev.millrace.engine.state.RocksDbMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The AVRO job's input, made once per run in a JVM of its own: Millrace copies the page views to
 * {@link Topics#PAGEVIEWS_AVRO} (registering the schema in its in-memory registry), and the schema
 * is saved so each measured pass can register it under the same id. The measured JVMs thus start as
 * cold as the JSON job's: a copy inside them would warm their JIT up first.
 */
public final class AvroCopy {
  private static final String SCHEMA_FILE = "pageviews_avro.schema";

  private AvroCopy() {}

  /** The command line of the copy's JVM. */
  public static List<String> args(String bootstrapServers, long pageviews, Path workDir) {
    return List.of(bootstrapServers, Long.toString(pageviews), workDir.toString());
  }

  public static void main(String[] args) throws IOException {
    String bootstrapServers = args[0];
    long pageviews = Long.parseLong(args[1]);
    Path workDir = Path.of(args[2]);
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    try (MillraceSession session =
        MillraceSession.start(
            bootstrapServers,
            "bench_avro_copy",
            workDir.resolve("avro-copy"),
            registry,
            RocksDbMemory.defaultPool(),
            Guarantee.EXACTLY_ONCE_V2)) {
      MillraceQueries.sources().forEach(session::run);
      session.run(MillraceQueries.toAvro(Topics.PAGEVIEWS_AVRO));
      OutputWatch.Seen seen =
          new OutputWatch(bootstrapServers).await(Topics.PAGEVIEWS_AVRO, pageviews);
      if (!seen.complete(pageviews)) {
        throw new IllegalStateException(
            "the AVRO copy of the page views stalled at " + seen.records() + " records");
      }
    }
    SchemaRegistry.SubjectVersion schema =
        registry.latest(SchemaRegistry.subject(Topics.PAGEVIEWS_AVRO, false)).orElseThrow();
    Files.writeString(workDir.resolve(SCHEMA_FILE), schema.id() + "\n" + schema.schema().text());
    System.exit(0);
  }

  /** Registers the copy's value schema under its id, as the copy's registry had it. */
  static void registerSchema(InMemorySchemaRegistry registry, Path workDir) throws IOException {
    String saved = Files.readString(workDir.resolve(SCHEMA_FILE));
    int newline = saved.indexOf('\n');
    registry.registerWithId(
        SchemaRegistry.subject(Topics.PAGEVIEWS_AVRO, false),
        RegisteredSchema.avro(saved.substring(newline + 1)),
        Integer.parseInt(saved.substring(0, newline)));
  }
}
