package dev.millrace.engine.function;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The values of a variadic column argument of a user aggregate: the last column of its input (alone
 * or in a {@link Pair}...) may be {@code VariadicArgs<T>}, taking any number of columns of type T,
 * also none. {@code VariadicArgs<Object>} takes columns of any types, each its own.
 */
public final class VariadicArgs<T> implements Iterable<T> {
  private final List<T> values;

  /** The values in argument order; nulls are kept. */
  @SafeVarargs
  public VariadicArgs(T... values) {
    this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
  }

  public T get(int index) {
    return values.get(index);
  }

  public int size() {
    return values.size();
  }

  public Stream<T> stream() {
    return values.stream();
  }

  @Override
  public Iterator<T> iterator() {
    return values.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VariadicArgs<?> other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "VariadicArgs" + values;
  }
}
