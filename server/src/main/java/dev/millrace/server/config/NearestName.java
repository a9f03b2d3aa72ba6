package dev.millrace.server.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name a mistyped one most likely meant, for a "did you mean" hint. */
public final class NearestName {
  /** Names further apart than this many edits are not suggested: they are other settings. */
  private static final int MAX_EDITS = 3;

  private NearestName() {}

  /** The name among {@code known} within a few edits of {@code name}, the closest first. */
  public static Optional<String> of(String name, Collection<String> known) {
    return known.stream()
        .filter(candidate -> !candidate.equals(name))
        .filter(candidate -> Math.abs(candidate.length() - name.length()) <= MAX_EDITS)
        .map(candidate -> new Scored(candidate, edits(name, candidate)))
        .filter(scored -> scored.edits() <= MAX_EDITS)
        .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::name))
        .map(Scored::name);
  }

  /** " (did you mean 'x'?)" for the nearest name, or nothing. */
  public static String hint(String name, Collection<String> known) {
    return of(name, known).map(nearest -> " (did you mean '" + nearest + "'?)").orElse("");
  }

  private record Scored(String name, int edits) {}

  /** Levenshtein distance: insertions, deletions and substitutions of one character. */
  private static int edits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
