package dev.millrace.engine.operator;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.AggregateCall;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.registry.UnconfiguredSchemaRegistry;
import dev.millrace.engine.state.KeyValueStore;
import dev.millrace.engine.types.LogicalSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the current rows of a table that a query keeps in a store, for pull queries: the rows of
 * its aggregation (or table source) store, passed through the selects and filters that lie between
 * that store and the query's sink, so they are the rows the sink topic holds. Reads go to one
 * task's store; for a table of several partitions, read the task that owns the key's partition, or
 * every task for a scan. Safe to share between threads.
 */
public final class MaterializedTable {
  private final String storeName;
  private final LogicalSchema schema;
  private final StoredRows stored;
  private final List<RowTransform> transforms;

  private MaterializedTable(
      String storeName, LogicalSchema schema, StoredRows stored, List<RowTransform> transforms) {
    this.storeName = storeName;
    this.schema = schema;
    this.stored = stored;
    this.transforms = List.copyOf(transforms);
  }

  /**
   * The table the plan rooted at {@code root} materialises, or empty when it keeps none (a stream
   * query, or a table whose rows are not in a store of the query).
   */
  public static Optional<MaterializedTable> of(PlanStep root, FunctionRegistry functions) {
    if (!(root instanceof PlanStep.TableSink sink)) {
      return Optional.empty();
    }
    // Only aggregations are built here, never serdes, so no registry is needed.
    OperatorFactories factories =
        new OperatorFactories(functions, UnconfiguredSchemaRegistry.INSTANCE);
    List<RowTransform> transforms = new ArrayList<>();
    PlanStep step = sink.source();
    while (step instanceof PlanStep.TableSelect || step instanceof PlanStep.TableFilter) {
      transforms.add(0, RowTransform.of(step, functions));
      step = step.sources().get(0);
    }
    if (step instanceof PlanStep.StreamAggregate aggregate) {
      return Optional.of(
          new MaterializedTable(
              aggregate.storeName(),
              sink.schema(),
              StoredRows.aggregate(
                  aggregate.source(),
                  aggregate.window().isPresent(),
                  aggregate.aggregates(),
                  factories),
              transforms));
    }
    if (step instanceof PlanStep.TableAggregate aggregate) {
      return Optional.of(
          new MaterializedTable(
              aggregate.storeName(),
              sink.schema(),
              StoredRows.aggregate(aggregate.source(), false, aggregate.aggregates(), factories),
              transforms));
    }
    if (step instanceof PlanStep.TableSource source) {
      return Optional.of(
          new MaterializedTable(
              source.storeName(), sink.schema(), StoredRows.table(source), transforms));
    }
    return Optional.empty();
  }

  /** The store to read (each task of the query's sub-topology has its own). */
  public String storeName() {
    return storeName;
  }

  /** The columns of the rows returned: the sink's. */
  public LogicalSchema schema() {
    return schema;
  }

  public boolean windowed() {
    return stored.windowed();
  }

  /** The row of a key of a table without windows; empty when there is none. */
  public synchronized Optional<Row> get(KeyValueStore store, Object[] key) {
    byte[] bytes = store.get(stored.storeKey(key));
    return bytes == null
        ? Optional.empty()
        : Optional.ofNullable(transform(stored.row(key, null, bytes)));
  }

  /**
   * The rows of a key of a windowed table whose windows start in {@code [fromStart, toStart]}, by
   * start.
   */
  public synchronized List<Row> windows(
      KeyValueStore store, Object[] key, long fromStart, long toStart) {
    byte[] prefix = stored.storeKey(key);
    List<Row> rows = new ArrayList<>();
    store.range(
        prefix,
        StateKeys.after(prefix),
        (k, v) -> {
          Window window = StateKeys.window(k);
          if (window.start() >= fromStart && window.start() <= toStart) {
            add(rows, stored.row(key, window, v));
          }
        });
    return rows;
  }

  /** Every row of the store, in key order. */
  public synchronized void scan(KeyValueStore store, Consumer<Row> rows) {
    List<Row> all = new ArrayList<>();
    stored.scan(store, row -> add(all, row));
    all.forEach(rows);
  }

  private void add(List<Row> rows, Row row) {
    Row transformed = transform(row);
    if (transformed != null) {
      rows.add(transformed);
    }
  }

  private Row transform(Row row) {
    for (RowTransform transform : transforms) {
      row = transform.apply(row);
      if (row == null) {
        return null;
      }
    }
    return row;
  }

  /** A table select or filter applied to a stored row (null: filtered out). */
  private interface RowTransform {
    Row apply(Row row);

    static RowTransform of(PlanStep step, FunctionRegistry functions) {
      if (step instanceof PlanStep.TableFilter filter) {
        SafeExpression predicate = new SafeExpression(functions, filter.predicate(), "the filter");
        return row -> predicate.testQuietly(row.value()) ? row : null;
      }
      PlanStep.TableSelect select = (PlanStep.TableSelect) step;
      List<SafeExpression> values =
          select.values().stream().map(v -> new SafeExpression(functions, v, "a column")).toList();
      return row -> {
        Object[] value = new Object[values.size()];
        for (int i = 0; i < value.length; i++) {
          value[i] = values.get(i).evaluateQuietly(row.value());
        }
        return row.withValue(value);
      };
    }
  }

  /** How rows are laid out in the store: a table source's rows or an aggregation's accumulators. */
  private record StoredRows(
      RowCodec keyCodec, boolean windowed, TimestampedCodec values, Aggregation aggregation) {

    static StoredRows table(PlanStep.TableSource source) {
      return new StoredRows(
          RowCodec.of(source.schema().key()),
          source.formats().keyWindow().isPresent(),
          new TimestampedCodec(RowCodec.of(source.schema().value())),
          null);
    }

    static StoredRows aggregate(
        PlanStep grouped,
        boolean windowed,
        List<AggregateCall> aggregates,
        OperatorFactories factories) {
      return new StoredRows(
          RowCodec.of(grouped.schema().key()), windowed, null, factories.aggregation(aggregates));
    }

    byte[] storeKey(Object[] key) {
      return StateKeys.key(keyCodec, key);
    }

    Row row(Object[] key, Window window, byte[] bytes) {
      long time = TimestampedCodec.timestamp(bytes);
      Object[] value =
          aggregation == null
              ? values.values(bytes)
              : aggregation.output(key, aggregation.decode(bytes), window);
      return new Row(key, value, time, window);
    }

    void scan(KeyValueStore store, Consumer<Row> rows) {
      store.range(
          new byte[] {1},
          new byte[] {2},
          (k, v) -> {
            Object[] key = keyCodec.decodeFrom(ByteBuffer.wrap(k, 1, k.length - 1));
            rows.accept(row(key, windowed ? StateKeys.window(k) : null, v));
          });
    }
  }
}
