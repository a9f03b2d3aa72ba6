package dev.millrace.planner.analysis;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "Did you mean ...?" hints. */
public final class ClosestNames {
  private ClosestNames() {}

  /**
   * The closest candidate within a third of the name's length in edits (at least 2), and sharing
   * something with it (fewer edits than its length), if any.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String wanted = name.toUpperCase(Locale.ROOT);
    int limit = Math.min(Math.max(2, wanted.length() / 3), wanted.length() - 1);
    return candidates.stream()
        .filter(c -> distance(wanted, c.toUpperCase(Locale.ROOT)) <= limit)
        .min(
            Comparator.comparingInt((String c) -> distance(wanted, c.toUpperCase(Locale.ROOT)))
                .thenComparing(c -> c));
  }

  /** {@code " Did you mean 'X'?"}, or empty when nothing is close. */
  public static String hint(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
  }

  /** The Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
