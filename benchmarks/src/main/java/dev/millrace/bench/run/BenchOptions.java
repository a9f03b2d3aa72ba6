package dev.millrace.bench.run;

import dev.millrace.bench.job.Engine;
import dev.millrace.bench.job.Guarantee;
import dev.millrace.bench.job.Job;
import dev.millrace.engine.state.RocksDbMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of a benchmark run.
 *
 * @param records page views to generate
 * @param passes passes of each job on each engine; the table shows their medians
 * @param seed the generator's seed
 * @param jobs the jobs to run, in order
 * @param engines the engines to run them on
 * @param stateMemoryBytes Millrace's RocksDB memory pool, as a server's {@code
 *     ksql.plugins.rocksdb.cache.size} sizes it
 * @param guarantee the {@code processing.guarantee} of both engines
 */
record BenchOptions(
    long records,
    int passes,
    long seed,
    List<Job> jobs,
    List<Engine> engines,
    long stateMemoryBytes,
    Guarantee guarantee) {

  static final String USAGE =
      """
      usage: bin/bench [--records N] [--passes N] [--seed N] [--jobs J,...] [--engines E,...]
                       [--state-memory BYTES] [--guarantee G]
             bin/bench jmh [JMH options]        (the microbenchmarks; -h lists JMH's options)
        --records       page views to generate (default 2000000)
        --passes        passes per job and engine; the table shows medians (default 3)
        --jobs          any of FILTER, GROUP_BY, USER_PAGES, TUMBLING, JOIN, FILTER_AVRO
                        (default all)
        --engines       any of MILLRACE, KAFKA_STREAMS (default both)
        --state-memory  Millrace's RocksDB memory, ksql.plugins.rocksdb.cache.size
                        (default 268435456, at least 16777216)
        --guarantee     processing.guarantee of both engines: exactly_once_v2 or
                        at_least_once (default exactly_once_v2)
      """;

  static BenchOptions parse(String[] args) {
    BenchOptions options =
        new BenchOptions(
            2_000_000,
            3,
            42,
            List.of(Job.values()),
            List.of(Engine.values()),
            RocksDbMemory.DEFAULT_TOTAL_BYTES,
            Guarantee.EXACTLY_ONCE_V2);
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[i + 1];
      options =
          switch (args[i]) {
            case "--records" -> options.withRecords(number(value));
            case "--passes" -> options.withPasses(Integer.parseInt(value));
            case "--seed" -> options.withSeed(Long.parseLong(value));
            case "--jobs" -> options.withJobs(names(value, Job.class));
            case "--engines" -> options.withEngines(names(value, Engine.class));
            case "--state-memory" -> options.withStateMemoryBytes(stateMemory(value));
            case "--guarantee" -> options.withGuarantee(guarantee(value));
            default -> throw new IllegalArgumentException("unknown option " + args[i]);
          };
    }
    return options;
  }

  private static long number(String value) {
    return Long.parseLong(value.replace("_", ""));
  }

  /** Checked here, so a size the server would refuse stops the run before any data is written. */
  private static long stateMemory(String value) {
    long bytes = number(value);
    if (bytes < RocksDbMemory.MINIMUM_TOTAL_BYTES) {
      throw new IllegalArgumentException(
          "--state-memory must be at least " + RocksDbMemory.MINIMUM_TOTAL_BYTES + " bytes");
    }
    return bytes;
  }

  private static Guarantee guarantee(String value) {
    for (Guarantee guarantee : Guarantee.values()) {
      if (guarantee.setting().equalsIgnoreCase(value.trim())) {
        return guarantee;
      }
    }
    throw new IllegalArgumentException(
        "--guarantee must be exactly_once_v2 or at_least_once, not " + value);
  }

  private static <E extends Enum<E>> List<E> names(String list, Class<E> type) {
    List<E> values = new ArrayList<>();
    for (String name : list.split(",")) {
      values.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
    }
    return values;
  }

  BenchOptions withRecords(long value) {
    return new BenchOptions(value, passes, seed, jobs, engines, stateMemoryBytes, guarantee);
  }

  BenchOptions withPasses(int value) {
    return new BenchOptions(records, value, seed, jobs, engines, stateMemoryBytes, guarantee);
  }

  BenchOptions withSeed(long value) {
    return new BenchOptions(records, passes, value, jobs, engines, stateMemoryBytes, guarantee);
  }

  BenchOptions withJobs(List<Job> value) {
    return new BenchOptions(records, passes, seed, value, engines, stateMemoryBytes, guarantee);
  }

  BenchOptions withEngines(List<Engine> value) {
    return new BenchOptions(records, passes, seed, jobs, value, stateMemoryBytes, guarantee);
  }

  BenchOptions withStateMemoryBytes(long value) {
    return new BenchOptions(records, passes, seed, jobs, engines, value, guarantee);
  }

  BenchOptions withGuarantee(Guarantee value) {
    return new BenchOptions(records, passes, seed, jobs, engines, stateMemoryBytes, value);
  }

  @Override
  public String toString() {
    return records
        + " page views, "
        + passes
        + " pass(es), seed "
        + seed
        + ", jobs "
        + jobs
        + ", engines "
        + Arrays.toString(engines.toArray())
        + ", Millrace RocksDB memory "
        + stateMemoryBytes
        + " B, processing.guarantee "
        + guarantee.setting();
  }
}
