package dev.millrace.engine.expr;

import dev.millrace.engine.plan.Expr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lambda variables visible while compiling a lambda body, each given a slot in the variable
 * array the body is evaluated with. An inner lambda's parameters take the slots after the outer's,
 * and shadow outer parameters of the same name.
 */
final class LambdaScope {
  static final LambdaScope EMPTY = new LambdaScope(Map.of(), 0);

  private final Map<String, Integer> slots;
  private final int size;

  private LambdaScope(Map<String, Integer> slots, int size) {
    this.slots = slots;
    this.size = size;
  }

  /** The scope inside a lambda with these parameters. */
  LambdaScope enter(List<Expr.LambdaParameter> parameters) {
    Map<String, Integer> inner = new HashMap<>(slots);
    int next = size;
    for (Expr.LambdaParameter p : parameters) {
      inner.put(p.name(), next++);
    }
    return new LambdaScope(inner, next);
  }

  int slot(String name) {
    Integer slot = slots.get(name);
    if (slot == null) {
      throw new IllegalArgumentException("Lambda variable " + name + " is not in scope");
    }
    return slot;
  }

  /** How many variable slots evaluating in this scope needs. */
  int size() {
    return size;
  }
}
