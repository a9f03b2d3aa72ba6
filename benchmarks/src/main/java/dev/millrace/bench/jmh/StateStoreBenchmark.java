package dev.millrace.bench.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.millrace.engine.state.RocksDbKeyValueStore;
import dev.millrace.engine.state.RocksDbMemory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RocksDB store under an aggregation: reads and writes of counts under {@value #KEYS} user
 * keys, as the GROUP BY and tumbling jobs do per record, and lookups of keys the store does not
 * hold (a new group or window).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateStoreBenchmark {
  private static final int KEYS = 10_000;

  private Path directory;
  private RocksDbKeyValueStore store;
  private byte[][] keys;
  private final SplittableRandom random = new SplittableRandom(42);

  @Setup
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("millrace-jmh-store");
    store = RocksDbKeyValueStore.open("counts", directory, RocksDbMemory.defaultPool());
    keys = new byte[KEYS][];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = ("User_" + i).getBytes(UTF_8);
      store.put(keys[i], count(i));
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    store.close();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Benchmark
  public byte[] get() {
    return store.get(keys[random.nextInt(KEYS)]);
  }

  /** A key that is not there: the lookup of a new group or window. */
  @Benchmark
  public byte[] getAbsent() {
    return store.get(absent(random.nextInt(KEYS)));
  }

  @Benchmark
  public void put() {
    store.put(keys[random.nextInt(KEYS)], count(random.nextInt()));
  }

  /** Read, add one, write back: one aggregation update. */
  @Benchmark
  public void increment() {
    byte[] key = keys[random.nextInt(KEYS)];
    store.put(key, count(ByteBuffer.wrap(store.get(key)).getLong() + 1));
  }

  private static byte[] absent(int i) {
    return ("Nobody_" + i).getBytes(UTF_8);
  }

  private static byte[] count(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }
}
