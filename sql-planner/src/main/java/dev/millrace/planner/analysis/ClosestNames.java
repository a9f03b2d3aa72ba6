package dev.millrace.planner.analysis;

import dev.millrace.engine.function.Names;
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
        .filter(c -> Names.distance(wanted, c.toUpperCase(Locale.ROOT)) <= limit)
        .min(
            Comparator.comparingInt(
                    (String c) -> Names.distance(wanted, c.toUpperCase(Locale.ROOT)))
                .thenComparing(c -> c));
  }

  /** {@code " Did you mean 'X'?"}, or empty when nothing is close. */
  public static String hint(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
  }
}
