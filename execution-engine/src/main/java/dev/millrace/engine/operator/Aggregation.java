package dev.millrace.engine.operator;

import dev.millrace.engine.function.Aggregator;
import java.util.List;

/**
 * The aggregate calls of one aggregation step, over an array of accumulators (one per call): start,
 * fold a row in or take it back out (tables), merge (sessions), and build the output value, which
 * is the key columns, then one result per call, then the window bounds when windowed. Accumulators
 * are stored with their time in {@link TimestampedCodec} form, encoded by their accumulator types.
 */
final class Aggregation {
  private final Aggregator[] aggregators;
  private final SafeExpression[][] arguments;
  private final TimestampedCodec codec;

  Aggregation(List<Aggregator> aggregators, List<List<SafeExpression>> arguments) {
    this.aggregators = aggregators.toArray(Aggregator[]::new);
    this.arguments =
        arguments.stream()
            .map(a -> a.toArray(SafeExpression[]::new))
            .toArray(SafeExpression[][]::new);
    this.codec =
        new TimestampedCodec(
            new RowCodec(aggregators.stream().map(Aggregator::accumulatorType).toList()));
  }

  Object[] initial() {
    Object[] accumulators = new Object[aggregators.length];
    for (int i = 0; i < aggregators.length; i++) {
      accumulators[i] = aggregators[i].initialize();
    }
    return accumulators;
  }

  /**
   * Folds one row in. When an aggregate fails on the row (a DECIMAL sum that no longer fits its
   * type), the failure is reported and the result is null: the caller skips the record, keeping its
   * stored state and emitting nothing, rather than emit a result that leaves the row out.
   */
  Object[] add(
      Object[] accumulators, Object[] value, ProcessingContext context, RecordContext record) {
    return fold(accumulators, value, true, context, record);
  }

  /**
   * Takes a row previously added back out (a table row changed or went); failures as {@link #add}.
   */
  Object[] undo(
      Object[] accumulators, Object[] value, ProcessingContext context, RecordContext record) {
    return fold(accumulators, value, false, context, record);
  }

  private Object[] fold(
      Object[] accumulators,
      Object[] value,
      boolean adding,
      ProcessingContext context,
      RecordContext record) {
    for (int i = 0; i < aggregators.length; i++) {
      Object[] args = new Object[arguments[i].length];
      for (int a = 0; a < args.length; a++) {
        args[a] = arguments[i][a].evaluate(value, context, record);
      }
      try {
        accumulators[i] =
            adding
                ? aggregators[i].add(accumulators[i], args)
                : aggregators[i].undo(accumulators[i], args);
      } catch (RuntimeException e) {
        context.report(
            ProcessingError.Kind.PROCESSING,
            record,
            "Error in aggregate " + (i + 1) + ": " + SourceDecoder.reason(e));
        return null;
      }
    }
    return accumulators;
  }

  /** Whether every call can take a row back out, as aggregating a table needs. */
  boolean canUndo() {
    for (Aggregator aggregator : aggregators) {
      if (!aggregator.canUndo()) {
        return false;
      }
    }
    return true;
  }

  Object[] merge(Object[] left, Object[] right) {
    for (int i = 0; i < aggregators.length; i++) {
      left[i] = aggregators[i].merge(left[i], right[i]);
    }
    return left;
  }

  /** The output value: key columns, results, then {@code window}'s bounds when it is not null. */
  Object[] output(Object[] key, Object[] accumulators, Window window) {
    Object[] value = new Object[key.length + aggregators.length + (window == null ? 0 : 2)];
    System.arraycopy(key, 0, value, 0, key.length);
    for (int i = 0; i < aggregators.length; i++) {
      value[key.length + i] = aggregators[i].result(accumulators[i]);
    }
    if (window != null) {
      value[key.length + aggregators.length] = window.start();
      value[key.length + aggregators.length + 1] = window.end();
    }
    return value;
  }

  byte[] encode(long timestamp, Object[] accumulators) {
    return codec.encode(timestamp, accumulators);
  }

  Object[] decode(byte[] stored) {
    return codec.values(stored);
  }
}
