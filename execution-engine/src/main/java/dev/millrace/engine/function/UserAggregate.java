package dev.millrace.engine.function;

import dev.millrace.engine.types.SqlType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate overload made from a static {@link UdafFactory} method returning a {@link Udaf}; its
 * input, accumulator and result types come from the Udaf's type arguments.
 */
final class UserAggregate {
  private UserAggregate() {}

  static AggregateOverload overload(Method factory) {
    String where = factory.getDeclaringClass().getName() + "." + factory.getName();
    if (!Modifier.isStatic(factory.getModifiers())
        || !(factory.getGenericReturnType() instanceof ParameterizedType udaf)
        || udaf.getRawType() != Udaf.class) {
      throw new IllegalArgumentException(
          where + ": a @UdafFactory must be static and return Udaf<I, A, O>");
    }
    Type[] types = udaf.getActualTypeArguments();
    TypePattern input = JavaTypes.pattern(types[0], where);
    TypePattern accumulator = JavaTypes.pattern(types[1], where);
    TypePattern output = JavaTypes.pattern(types[2], where);
    List<SqlType> init = new ArrayList<>();
    for (Type param : factory.getGenericParameterTypes()) {
      if (!(JavaTypes.pattern(param, where) instanceof TypePattern.Exact exact)) {
        throw new IllegalArgumentException(where + ": initial arguments must have concrete types");
      }
      init.add(exact.type());
    }
    Signature signature = Signature.of(output, input);
    return new AggregateOverload(
        signature,
        init,
        (params, initArgs) -> {
          TypeBindings bindings = new TypeBindings();
          bindings.bind(input, params.get(0));
          return adapt(
              create(factory, initArgs), bindings.apply(accumulator), bindings.apply(output));
        });
  }

  @SuppressWarnings("unchecked")
  private static Udaf<Object, Object, Object> create(Method factory, List<Object> initArgs) {
    try {
      return (Udaf<Object, Object, Object>) factory.invoke(null, initArgs.toArray());
    } catch (InvocationTargetException e) {
      throw new FunctionException(
          "User aggregate " + factory.getName() + " failed to start: " + e.getCause().getMessage());
    } catch (IllegalAccessException e) {
      throw new FunctionException("Cannot call user aggregate factory " + factory.getName());
    }
  }

  private static Aggregator adapt(
      Udaf<Object, Object, Object> udaf, SqlType accumulator, SqlType output) {
    return new TypedAggregator(accumulator, output) {
      public Object initialize() {
        return udaf.initialize();
      }

      public Object add(Object acc, Object[] args) {
        return udaf.aggregate(args[0], acc);
      }

      public Object result(Object acc) {
        return udaf.map(acc);
      }

      public boolean canUndo() {
        return udaf.canUndo();
      }

      public Object undo(Object acc, Object[] args) {
        return udaf.undo(args[0], acc);
      }

      public Object merge(Object left, Object right) {
        return udaf.merge(left, right);
      }
    };
  }
}
