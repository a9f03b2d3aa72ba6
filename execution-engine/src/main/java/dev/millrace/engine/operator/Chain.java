package dev.millrace.engine.operator;

import java.util.List;
import java.util.function.Supplier;

/**
 * One path through a sub-topology: records of {@code topic} are decoded, then flow through the
 * operators in order (the first receives the decoded row, each forwards to the next, the last to
 * nothing). A join's stream side and its table side are two chains of the same sub-topology.
 */
record Chain(String topic, Supplier<RecordDecoder> decoder, List<OperatorFactory> operators) {
  Chain {
    operators = List.copyOf(operators);
  }
}
