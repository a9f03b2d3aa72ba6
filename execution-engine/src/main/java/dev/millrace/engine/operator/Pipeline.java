package dev.millrace.engine.operator;

import dev.millrace.engine.state.StateStoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task's running instance of a {@link SubTopology}: its own operators, fed one input record at
 * a time. A record that fails anywhere is skipped and reported to the processing log; only a
 * failing state store stops the task (its state can no longer be trusted).
 */
public final class Pipeline {
  private final Map<String, List<Input>> inputs = new LinkedHashMap<>();
  private final List<Operator> operators = new ArrayList<>();
  private TaskContext context;

  Pipeline(List<Chain> chains) {
    Map<OperatorFactory, Operator> junctions = new HashMap<>();
    for (Chain chain : chains) {
      Operator next = Operator.DISCARD;
      int last = chain.operators().size() - 1;
      int junction = junctionIndex(chain, junctions);
      if (junction >= 0) {
        // Another chain already made this junction and what follows it: join it there.
        next = junctions.get(chain.operators().get(junction));
        last = junction - 1;
      }
      for (int i = last; i >= 0; i--) {
        OperatorFactory factory = chain.operators().get(i);
        next = factory.create(next);
        operators.add(next);
        if (factory instanceof Junction) {
          junctions.put(factory, next);
        }
      }
      inputs
          .computeIfAbsent(chain.topic(), t -> new ArrayList<>())
          .add(new Input(chain.decoder().get(), next, chain.step(), chain.source()));
    }
  }

  /**
   * The nearest junction of {@code chain} that an earlier chain has already made, or -1. Nearest,
   * not furthest: when joins nest, what lies between an inner and an outer junction (the outer
   * join's operator) must be shared too, not made again for each input of the inner join.
   */
  private static int junctionIndex(Chain chain, Map<OperatorFactory, Operator> made) {
    for (int i = 0; i < chain.operators().size(); i++) {
      OperatorFactory factory = chain.operators().get(i);
      if (factory instanceof Junction && made.containsKey(factory)) {
        return i;
      }
    }
    return -1;
  }

  /** Prepares every operator; call once, before the first record. */
  public void init(TaskEnvironment environment) {
    context = new TaskContext(environment);
    operators.forEach(o -> o.init(context));
  }

  /** Processes one record completely: everything it causes is emitted before this returns. */
  public void process(InputRecord record) {
    List<Input> readers = inputs.get(record.topic());
    if (readers == null) {
      return;
    }
    for (Input input : readers) {
      context.enter(input.step());
      if (input.source()) {
        context.steps().input(input.step());
      }
      // Guarded here rather than through guarded(Runnable): this is every record's path, and a
      // lambda and a shared helper between it and the operators would make the JIT compile the
      // whole inlined pipeline once more for each of them.
      try {
        Row row = input.decoder().decode(record, context);
        if (row != null) {
          context.observe(row.timestamp());
          input.entry().process(row, record.context());
        }
      } catch (RuntimeException e) {
        skipOrRethrow(context, record.context(), e);
      }
    }
  }

  /**
   * Forwards the rows the operators hold back (record caches), first operators first; the runtime
   * calls it before it commits.
   */
  public void flush() {
    for (int i = operators.size() - 1; i >= 0; i--) {
      operators.get(i).flush();
    }
  }

  /**
   * Runs {@code work} for the input record {@code record}: if it fails, the record is reported to
   * the processing log and skipped, unless a state store failed (the task cannot go on).
   */
  static void guarded(ProcessingContext context, RecordContext record, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      skipOrRethrow(context, record, e);
    }
  }

  /** Reports {@code failure} and skips the record, unless a state store failed. */
  private static void skipOrRethrow(
      ProcessingContext context, RecordContext record, RuntimeException failure) {
    if (failure instanceof StateStoreException) {
      throw failure;
    }
    context.report(ProcessingError.Kind.PROCESSING, record, describe(failure));
  }

  /** The largest record timestamp processed so far ({@link Long#MIN_VALUE} before the first). */
  public long streamTime() {
    return context.streamTime();
  }

  public void close() {
    operators.forEach(Operator::close);
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private record Input(RecordDecoder decoder, Operator entry, int step, boolean source) {}
}
