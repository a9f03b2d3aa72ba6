package dev.millrace.engine.function;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The column arguments of a user aggregate, read from its {@code Udaf<I, A, O>}'s input type I: one
 * column, or a {@link Pair}, {@link Triple}, {@link Quadruple} or {@link Quintuple} of columns, the
 * last of which may be {@link VariadicArgs}. Turns one row's argument values into that input.
 */
final class UdafInput {
  private static final Map<Class<?>, Integer> TUPLES =
      Map.of(Pair.class, 2, Triple.class, 3, Quadruple.class, 4, Quintuple.class, 5);

  private final List<TypePattern> columns;
  private final boolean variadic;
  private final boolean tuple;

  private UdafInput(List<TypePattern> columns, boolean variadic, boolean tuple) {
    this.columns = List.copyOf(columns);
    this.variadic = variadic;
    this.tuple = tuple;
  }

  /**
   * Reads the input type; {@code schemas} give the SQL types of columns, by position, where the
   * Java type does not say it all.
   */
  static UdafInput of(Type input, String[] schemas, String where) {
    boolean tuple =
        input instanceof ParameterizedType p
            && p.getRawType() instanceof Class<?> raw
            && TUPLES.containsKey(raw);
    Type[] types =
        tuple ? ((ParameterizedType) input).getActualTypeArguments() : new Type[] {input};
    List<TypePattern> columns = new ArrayList<>();
    boolean variadic = false;
    for (int i = 0; i < types.length; i++) {
      String schema = i < schemas.length ? schemas[i] : "";
      Type element = variadicElement(types[i]);
      if (element == null) {
        columns.add(JavaTypes.pattern(types[i], schema, where));
        continue;
      }
      if (i < types.length - 1) {
        throw new IllegalArgumentException(
            where + ": only the last column argument may be VariadicArgs");
      }
      variadic = true;
      columns.add(
          JavaTypes.isObject(element) && schema.isBlank()
              ? new TypePattern.Any()
              : JavaTypes.pattern(element, schema, where));
    }
    return new UdafInput(columns, variadic, tuple);
  }

  List<TypePattern> columns() {
    return columns;
  }

  boolean variadic() {
    return variadic;
  }

  /** The Udaf's input for one row's argument values. */
  Object input(Object[] args) {
    Object[] values = args;
    if (variadic) {
      int fixed = columns.size() - 1;
      values = Arrays.copyOf(args, columns.size());
      values[fixed] = new VariadicArgs<>(Arrays.copyOfRange(args, fixed, args.length));
    }
    if (!tuple) {
      return values[0];
    }
    return switch (values.length) {
      case 2 -> new Pair<>(values[0], values[1]);
      case 3 -> new Triple<>(values[0], values[1], values[2]);
      case 4 -> new Quadruple<>(values[0], values[1], values[2], values[3]);
      default -> new Quintuple<>(values[0], values[1], values[2], values[3], values[4]);
    };
  }

  private static Type variadicElement(Type type) {
    return type instanceof ParameterizedType p && p.getRawType() == VariadicArgs.class
        ? p.getActualTypeArguments()[0]
        : null;
  }
}
