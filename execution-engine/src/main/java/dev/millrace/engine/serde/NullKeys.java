package dev.millrace.engine.serde;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The shared all-null key arrays that stand for a null record key (see {@link KeySerde}). */
final class NullKeys {
  private static final ConcurrentMap<Integer, Object[]> BY_WIDTH = new ConcurrentHashMap<>();

  private NullKeys() {}

  static Object[] of(int count) {
    return BY_WIDTH.computeIfAbsent(count, Object[]::new);
  }

  static boolean is(Object[] columns) {
    return columns == BY_WIDTH.get(columns.length);
  }
}
