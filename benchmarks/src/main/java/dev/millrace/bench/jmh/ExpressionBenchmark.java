package dev.millrace.bench.jmh;

import dev.millrace.bench.data.DataGenerator;
import dev.millrace.engine.expr.CompiledExpression;
import dev.millrace.engine.expr.ExpressionCompiler;
import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Expr;
import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.plan.Operator;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.engine.serde.ValueSerde;
import dev.millrace.engine.types.SqlType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
 * Compiled expressions over decoded page views: the project/filter job's predicate ({@code
 * DURATION_MS >= 1000}) and a projection with a function call and arithmetic ({@code
 * UCASE(PAGEID)}, {@code DURATION_MS / 1000 + 1}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpressionBenchmark {
  private Predicate<Object[]> filter;
  private CompiledExpression upperPage;
  private CompiledExpression seconds;
  private Object[][] rows;
  private int next;

  @Setup
  public void setUp() {
    ExpressionCompiler compiler = new ExpressionCompiler(FunctionRegistry.builtIns());
    Expr duration = new Expr.ColumnRef(PageviewColumns.DURATION_MS, "DURATION_MS", SqlType.INTEGER);
    filter =
        compiler.compilePredicate(
            new Expr.Operation(
                Operator.GREATER_THAN_OR_EQUAL,
                List.of(duration, new Expr.Literal(DataGenerator.MIN_DURATION_MS, SqlType.INTEGER)),
                SqlType.BOOLEAN));
    upperPage =
        compiler.compile(
            new Expr.FunctionCall(
                "UCASE",
                List.of(new Expr.ColumnRef(PageviewColumns.PAGEID, "PAGEID", SqlType.STRING)),
                SqlType.STRING));
    seconds =
        compiler.compile(
            new Expr.Operation(
                Operator.ADD,
                List.of(
                    new Expr.Operation(
                        Operator.DIVIDE,
                        List.of(duration, new Expr.Literal(1000, SqlType.INTEGER)),
                        SqlType.INTEGER),
                    new Expr.Literal(1, SqlType.INTEGER)),
                SqlType.INTEGER));
    ValueSerde serde = SerdeFactory.valueSerde(FormatInfo.of("JSON"), PageviewColumns.VALUE);
    rows =
        PageviewColumns.sample(1024).stream()
            .map(view -> serde.deserialize(view.json()))
            .toArray(Object[][]::new);
  }

  @Benchmark
  public boolean filter() {
    next = (next + 1) & (rows.length - 1);
    return filter.test(rows[next]);
  }

  @Benchmark
  public Object[] project() {
    next = (next + 1) & (rows.length - 1);
    Object[] row = rows[next];
    return new Object[] {upperPage.evaluate(row), seconds.evaluate(row)};
  }
}
