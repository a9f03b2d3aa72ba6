package dev.millrace.engine.operator;

/**
 * Makes one operator for a new task, given the operator it forwards to. Built once per plan step by
 * the topology builder; called once per task, so tasks share no mutable state.
 */
@FunctionalInterface
public interface OperatorFactory {
  Operator create(Operator downstream);
}
