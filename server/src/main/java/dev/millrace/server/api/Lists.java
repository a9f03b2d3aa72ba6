package dev.millrace.server.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that also turn an absent JSON list or map into an empty one. */
final class Lists {

  private Lists() {}

  static <T> List<T> copyOrEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Like {@link #copyOrEmpty(List)} but keeps JSON nulls inside the list (row values). */
  static <T> List<T> copyKeepingNulls(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }

  /** Copies keeping insertion order (JSON objects print in the order they were built). */
  static <K, V> Map<K, V> copyOrEmpty(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
