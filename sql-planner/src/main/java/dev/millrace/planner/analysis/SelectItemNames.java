package dev.millrace.planner.analysis;

import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.Dereference;
import dev.millrace.parser.ast.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ksqlDB's names for SELECT items without an alias: a column keeps its name (in a join, a qualified
 * column whose name several sources share is named {@code SOURCE_NAME}), a struct field access
 * {@code s->f} is named {@code F}, and any other expression gets the next free {@code KSQL_COL_n}.
 */
public final class SelectItemNames {
  private SelectItemNames() {}

  /** The name an unaliased expression takes from its shape, if it has one. */
  public static Optional<String> natural(Expression e, Scope scope) {
    if (e instanceof ColumnRef ref) {
      boolean shared =
          scope.columns().stream()
                  .filter(c -> c.name().equals(ref.name()))
                  .map(ScopeColumn::source)
                  .distinct()
                  .count()
              > 1;
      return Optional.of(
          shared && ref.source().isPresent() ? ref.source().get() + "_" + ref.name() : ref.name());
    }
    if (e instanceof Dereference d) {
      return Optional.of(d.field());
    }
    return Optional.empty();
  }

  /**
   * Fills the gaps (nulls) with {@code KSQL_COL_0}, {@code KSQL_COL_1}, ... skipping names already
   * taken.
   */
  public static List<String> complete(List<String> names) {
    return complete(names, List.of(), Set.of());
  }

  /**
   * As {@link #complete(List)}; in addition a struct field's name ({@code fieldNames} holds their
   * positions) that an earlier item already has, or that a column of the query's sources ({@code
   * inputNames}) has, becomes {@code NAME_1}, {@code NAME_2}, ... (as in ksqlDB, where {@code
   * SELECT s->id FROM t} names the field {@code ID_1} when {@code t} has a column {@code ID}), and
   * generated names also avoid {@code inputNames}.
   */
  public static List<String> complete(
      List<String> names, List<Integer> fieldNames, Set<String> inputNames) {
    Set<String> taken = new HashSet<>(inputNames);
    names.stream().filter(n -> n != null).forEach(taken::add);
    List<String> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int next = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name != null
          && fieldNames.contains(i)
          && (used.contains(name) || inputNames.contains(name))) {
        int suffix = 1;
        while (taken.contains(name + "_" + suffix)) {
          suffix++;
        }
        name = name + "_" + suffix;
        taken.add(name);
      }
      if (name != null) {
        out.add(name);
        used.add(name);
        continue;
      }
      while (taken.contains("KSQL_COL_" + next)) {
        next++;
      }
      String generated = "KSQL_COL_" + next++;
      taken.add(generated);
      used.add(generated);
      out.add(generated);
    }
    return out;
  }
}
