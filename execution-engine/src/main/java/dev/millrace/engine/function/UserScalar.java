package dev.millrace.engine.function;

import dev.millrace.engine.expr.EvaluationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** A scalar overload made from a method annotated {@link Udf}, called through a method handle. */
final class UserScalar {
  private UserScalar() {}

  static ScalarOverload overload(Method method, Object instance) {
    return overload(method, instance, false);
  }

  /**
   * A table function overload: the method returns a List, whose element type is the result type.
   */
  static ScalarOverload tableOverload(Method method, Object instance) {
    return overload(method, instance, true);
  }

  private static ScalarOverload overload(Method method, Object instance, boolean table) {
    String where = method.getDeclaringClass().getName() + "." + method.getName();
    Type[] params = method.getGenericParameterTypes();
    boolean variadic = method.isVarArgs();
    List<TypePattern> patterns = new ArrayList<>();
    boolean anyPrimitive = false;
    Parameter[] annotated = method.getParameters();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      Type param = variadic && i == params.length - 1 ? componentType(params[i]) : params[i];
      UdfParameter about = annotated[i].getAnnotation(UdfParameter.class);
      patterns.add(JavaTypes.pattern(param, about == null ? "" : about.schema(), where));
      anyPrimitive |= JavaTypes.isPrimitive(param);
      names.add(name(annotated[i], about, i));
    }
    TypePattern result = result(method, table, where);
    Signature signature =
        new Signature(patterns, variadic, (p, bindings) -> bindings.apply(result), result.toSql());
    ScalarImplementation body = invoker(method, instance, variadic);
    return new ScalarOverload(signature, anyPrimitive, (p, r) -> body, names);
  }

  /**
   * A parameter's name: the annotation's, else the Java name when the class keeps it (compiled with
   * {@code -parameters}), else argN.
   */
  private static String name(Parameter parameter, UdfParameter about, int index) {
    if (about != null && !about.value().isBlank()) {
      return about.value();
    }
    return parameter.isNamePresent() ? parameter.getName() : "arg" + (index + 1);
  }

  /** The result pattern: of the method's value, or of each element of a table function's List. */
  private static TypePattern result(Method method, boolean table, String where) {
    Type returned = method.getGenericReturnType();
    String schema =
        table
            ? method.getAnnotation(Udtf.class).schema()
            : method.getAnnotation(Udf.class).schema();
    if (!table) {
      return JavaTypes.pattern(returned, schema, where);
    }
    if (!(returned instanceof ParameterizedType list) || list.getRawType() != List.class) {
      throw new IllegalArgumentException(where + ": a table function must return a List");
    }
    return JavaTypes.pattern(list.getActualTypeArguments()[0], schema, where);
  }

  private static Type componentType(Type arrayType) {
    if (arrayType instanceof Class<?> c) {
      return c.getComponentType();
    }
    return ((java.lang.reflect.GenericArrayType) arrayType).getGenericComponentType();
  }

  private static ScalarImplementation invoker(Method method, Object instance, boolean variadic) {
    MethodHandle handle;
    try {
      handle = MethodHandles.publicLookup().unreflect(method).asFixedArity();
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("Cannot call user function " + method, e);
    }
    if (instance != null) {
      handle = handle.bindTo(instance);
    }
    int arity = method.getParameterCount();
    MethodHandle spread =
        handle
            .asSpreader(Object[].class, arity)
            .asType(MethodType.methodType(Object.class, Object[].class));
    Class<?> component = variadic ? method.getParameterTypes()[arity - 1].getComponentType() : null;
    String name = method.getName();
    return args -> {
      Object[] call = variadic ? packVarargs(args, arity, component) : args;
      try {
        return (Object) spread.invokeExact(call);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new EvaluationException("User function " + name + " failed: " + e.getMessage(), e);
      }
    };
  }

  /** The arguments of a varargs method call: the trailing ones packed into an array. */
  static Object[] packVarargs(Object[] args, int arity, Class<?> component) {
    Object[] call = new Object[arity];
    System.arraycopy(args, 0, call, 0, arity - 1);
    int rest = args.length - (arity - 1);
    Object array = Array.newInstance(component, rest);
    for (int i = 0; i < rest; i++) {
      Array.set(array, i, args[arity - 1 + i]);
    }
    call[arity - 1] = array;
    return call;
  }
}
