package dev.millrace.engine.operator;

import dev.millrace.engine.state.StateStoreException;
import java.util.ArrayList;
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
    for (Chain chain : chains) {
      Operator next = Operator.DISCARD;
      for (int i = chain.operators().size() - 1; i >= 0; i--) {
        next = chain.operators().get(i).create(next);
        operators.add(next);
      }
      inputs.computeIfAbsent(chain.topic(), t -> new ArrayList<>()).add(new Input(chain.decoder().get(), next));
    }
  }

  /** Prepares every operator; call once, before the first record. */
  public void init(TaskEnvironment environment) {
    context = new TaskContext(environment);
    operators.forEach(o -> o.init(context));
  }

  /** Processes one record completely: everything it causes is emitted before this returns. */
  public void process(InputRecord record) {
    for (Input input : inputs.getOrDefault(record.topic(), List.of())) {
      try {
        Row row = input.decoder().decode(record, context);
        if (row != null) {
          context.observe(row.timestamp());
          input.entry().process(row, record.context());
        }
      } catch (StateStoreException e) {
        throw e;
      } catch (RuntimeException e) {
        context.report(ProcessingError.Kind.PROCESSING, record.context(), describe(e));
      }
    }
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

  private record Input(RecordDecoder decoder, Operator entry) {}
}
