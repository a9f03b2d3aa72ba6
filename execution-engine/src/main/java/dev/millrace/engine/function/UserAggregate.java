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
 * An aggregate overload made from a static {@link UdafFactory} method returning a {@link Udaf}: its
 * column arguments come from the Udaf's input type ({@link UdafInput}), its accumulator and result
 * types from the other two type arguments, and its literal initial arguments, which follow the
 * columns in a call, from the factory's parameters. One of the two may be variadic, not both.
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
    UdafFactory about = factory.getAnnotation(UdafFactory.class);
    Type[] types = udaf.getActualTypeArguments();
    UdafInput input = UdafInput.of(types[0], about.paramSchema(), where);
    TypePattern accumulator = JavaTypes.pattern(types[1], about.aggregateSchema(), where);
    TypePattern output = JavaTypes.pattern(types[2], about.returnSchema(), where);
    if (input.variadic() && factory.isVarArgs()) {
      throw new IllegalArgumentException(
          where + ": either the last column or the initial arguments may be variadic, not both");
    }
    List<SqlType> init = initParameters(factory, where);
    Signature signature =
        new Signature(input.columns(), input.variadic(), (p, b) -> b.apply(output), output.toSql());
    return new AggregateOverload(
        signature,
        init,
        factory.isVarArgs(),
        (params, initArgs) -> {
          TypeBindings bindings = new TypeBindings();
          for (int i = 0; i < params.size(); i++) {
            bindings.bind(signature.parameter(i), params.get(i));
          }
          return adapt(
              create(factory, initArgs),
              input,
              bindings.apply(accumulator),
              bindings.apply(output));
        });
  }

  private static List<SqlType> initParameters(Method factory, String where) {
    Type[] params = factory.getGenericParameterTypes();
    List<SqlType> init = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      Type param =
          factory.isVarArgs() && i == params.length - 1
              ? factory.getParameterTypes()[i].getComponentType()
              : params[i];
      if (!(JavaTypes.pattern(param, where) instanceof TypePattern.Exact exact)) {
        throw new IllegalArgumentException(where + ": initial arguments must have concrete types");
      }
      init.add(exact.type());
    }
    return init;
  }

  @SuppressWarnings("unchecked")
  private static Udaf<Object, Object, Object> create(Method factory, List<Object> initArgs) {
    Object[] args = initArgs.toArray();
    if (factory.isVarArgs()) {
      int arity = factory.getParameterCount();
      args =
          UserScalar.packVarargs(
              args, arity, factory.getParameterTypes()[arity - 1].getComponentType());
    }
    try {
      return (Udaf<Object, Object, Object>) factory.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new FunctionException(
          "User aggregate " + factory.getName() + " failed to start: " + e.getCause().getMessage());
    } catch (IllegalAccessException e) {
      throw new FunctionException("Cannot call user aggregate factory " + factory.getName());
    }
  }

  private static Aggregator adapt(
      Udaf<Object, Object, Object> udaf, UdafInput input, SqlType accumulator, SqlType output) {
    return new TypedAggregator(accumulator, output) {
      public Object initialize() {
        return udaf.initialize();
      }

      public Object add(Object acc, Object[] args) {
        return udaf.aggregate(input.input(args), acc);
      }

      public Object result(Object acc) {
        return udaf.map(acc);
      }

      public boolean canUndo() {
        return udaf.canUndo();
      }

      public Object undo(Object acc, Object[] args) {
        return udaf.undo(input.input(args), acc);
      }

      public Object merge(Object left, Object right) {
        return udaf.merge(left, right);
      }
    };
  }
}
