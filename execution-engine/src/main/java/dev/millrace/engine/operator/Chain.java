package dev.millrace.engine.operator;

import java.util.List;
import java.util.function.Supplier;

/**
 * One path through a sub-topology: records of {@code topic} are decoded, then flow through the
 * operators in order (the first receives the decoded row, each forwards to the next, the last to
 * nothing). A join's stream side and its table side are two chains of the same sub-topology.
 *
 * @param step the number of the plan step whose rows the decoder makes: a source, or a re-keying
 *     step whose rows cross a repartition topic
 * @param source whether that step is a source, whose input is the records read here
 */
record Chain(
    String topic,
    Supplier<RecordDecoder> decoder,
    List<OperatorFactory> operators,
    int step,
    boolean source) {
  Chain {
    operators = List.copyOf(operators);
  }
}
