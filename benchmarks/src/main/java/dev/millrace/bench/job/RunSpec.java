package dev.millrace.bench.job;

import java.nio.file.Path;
import java.util.List;

/**
 * One pass of one job on one engine, as the parent hands it to the child JVM on its command line.
 *
 * @param runId unique per pass: names the output topic, the consumer group and the state
 * @param pageviews the records in the page views topic (the AVRO job converts them all first)
 * @param workDir where the engine keeps its state
 * @param stateMemoryBytes the size of Millrace's RocksDB memory pool
 * @param guarantee the engine's {@code processing.guarantee}
 */
public record RunSpec(
    Engine engine,
    Job job,
    String bootstrapServers,
    String runId,
    long pageviews,
    Path workDir,
    long stateMemoryBytes,
    Guarantee guarantee) {

  public List<String> toArgs() {
    return List.of(
        engine.name(),
        job.name(),
        bootstrapServers,
        runId,
        Long.toString(pageviews),
        workDir.toString(),
        Long.toString(stateMemoryBytes),
        guarantee.name());
  }

  public static RunSpec fromArgs(String[] args) {
    return new RunSpec(
        Engine.valueOf(args[0]),
        Job.valueOf(args[1]),
        args[2],
        args[3],
        Long.parseLong(args[4]),
        Path.of(args[5]),
        Long.parseLong(args[6]),
        Guarantee.valueOf(args[7]));
  }

  public String outputTopic() {
    return job.outputTopic(runId);
  }

  public Path stateDir() {
    return workDir.resolve(runId);
  }
}
