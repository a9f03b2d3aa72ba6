package dev.millrace.bench.jmh;

import dev.millrace.bench.data.Pageview;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.serde.RegistryBinding;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.ValueSerde;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one page view's JSON value into a row, with the serde a query's source uses: all
 * columns, or those of the FILTER job, which skips the two long strings it does not read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonDecodeBenchmark {
  private ValueSerde serde;
  private ValueSerde filterJobSerde;
  private byte[][] values;
  private int next;

  @Setup
  public void setUp() {
    serde = SerdeFactory.valueSerde(FormatInfo.of("JSON"), PageviewColumns.VALUE);
    // The FILTER job's source: its query reads neither of the long strings.
    filterJobSerde =
        SerdeFactory.valueSerde(
            FormatInfo.of("JSON"),
            PageviewColumns.VALUE,
            RegistryBinding.NONE,
            Set.of("REFERRER", "USERAGENT"));
    values = PageviewColumns.sample(1024).stream().map(Pageview::json).toArray(byte[][]::new);
  }

  @Benchmark
  public Object[] decodePageview() {
    next = (next + 1) & (values.length - 1);
    return serde.deserialize(values[next]);
  }

  @Benchmark
  public Object[] decodePageviewSkippingUnreadColumns() {
    next = (next + 1) & (values.length - 1);
    return filterJobSerde.deserialize(values[next]);
  }

  @Benchmark
  public byte[] decodeAndEncodePageview() {
    next = (next + 1) & (values.length - 1);
    return serde.serialize(serde.deserialize(values[next]));
  }
}
