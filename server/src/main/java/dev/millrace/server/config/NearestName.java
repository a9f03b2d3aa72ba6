package dev.millrace.server.config;

import dev.millrace.engine.function.Names;
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
        .map(candidate -> new Scored(candidate, Names.distance(name, candidate)))
        .filter(scored -> scored.edits() <= MAX_EDITS)
        .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::name))
        .map(Scored::name);
  }

  /** " (did you mean 'x'?)" for the nearest name, or nothing. */
  public static String hint(String name, Collection<String> known) {
    return of(name, known).map(nearest -> " (did you mean '" + nearest + "'?)").orElse("");
  }

  private record Scored(String name, int edits) {}
}
