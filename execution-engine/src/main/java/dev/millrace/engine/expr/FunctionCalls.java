package dev.millrace.engine.expr;

import dev.millrace.engine.function.LambdaValue;
import dev.millrace.engine.function.ResolvedScalar;
import dev.millrace.engine.function.ScalarImplementation;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Evaluation of a scalar function call. As in ksqlDB, a function that fails on its input yields
 * null for that call (and the failure is reported to the listener) rather than failing the row.
 */
final class FunctionCalls {
  private FunctionCalls() {}

  static Eval call(
      ResolvedScalar function,
      Eval[] args,
      boolean[] lambdaArg,
      Consumer<EvaluationException> errors) {
    ScalarImplementation body = function.instantiate();
    boolean nullOnNull = function.nullOnNullInput();
    String name = function.name();
    return (row, vars) -> {
      Object[] values = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        Object value = args[i].eval(row, vars);
        if (value == null && nullOnNull && !lambdaArg[i]) {
          return null;
        }
        values[i] = value;
      }
      try {
        return body.apply(values);
      } catch (RuntimeException e) {
        errors.accept(new EvaluationException("Error in function " + name + ": " + message(e), e));
        return null;
      }
    };
  }

  /**
   * A lambda argument: evaluates to a {@link LambdaValue} bound to the current row and variables.
   */
  static Eval lambda(Eval body, int firstSlot, int slotCount) {
    return (row, vars) ->
        new LambdaValue() {
          public Object call(Object a) {
            Object[] inner = Arrays.copyOf(vars, slotCount);
            inner[firstSlot] = a;
            return body.eval(row, inner);
          }

          public Object call(Object a, Object b) {
            Object[] inner = Arrays.copyOf(vars, slotCount);
            inner[firstSlot] = a;
            inner[firstSlot + 1] = b;
            return body.eval(row, inner);
          }

          public Object call(Object a, Object b, Object c) {
            Object[] inner = Arrays.copyOf(vars, slotCount);
            inner[firstSlot] = a;
            inner[firstSlot + 1] = b;
            inner[firstSlot + 2] = c;
            return body.eval(row, inner);
          }
        };
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
