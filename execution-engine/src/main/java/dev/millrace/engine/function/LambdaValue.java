package dev.millrace.engine.function;

/**
 * A lambda argument as a higher-order function sees it at run time: call it with as many values as
 * the lambda has parameters.
 */
public interface LambdaValue {
  Object call(Object a);

  Object call(Object a, Object b);

  Object call(Object a, Object b, Object c);
}
