package dev.millrace.planner.analysis;

import dev.millrace.engine.plan.SourceColumns;
import dev.millrace.engine.types.Column;
import dev.millrace.parser.ast.ColumnRef;
import dev.millrace.parser.ast.NodeLocation;
import dev.millrace.planner.PlanningException;
import dev.millrace.planner.catalog.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns a query's expressions can name, with their positions in the input row. A single
 * source contributes its row as {@link SourceColumns} lays it out; a join concatenates the scopes
 * of its sides. Resolves qualified and unqualified names with errors that point at the reference
 * and suggest the closest existing name.
 */
public final class Scope {
  private final List<ScopeColumn> columns;
  private final List<String> sources;

  private Scope(List<ScopeColumn> columns, List<String> sources) {
    this.columns = List.copyOf(columns);
    this.sources = List.copyOf(sources);
  }

  /**
   * The columns of one source, qualified by {@code qualifier}, at field positions from {@code
   * offset}.
   */
  public static Scope ofSource(String qualifier, DataSource source, int offset) {
    List<ScopeColumn> columns = new ArrayList<>();
    int index = offset;
    for (Column c : source.schema().value()) {
      columns.add(new ScopeColumn(qualifier, c.name(), index++, c.type(), ScopeColumn.Kind.VALUE));
    }
    for (Column c :
        List.of(
            new Column(SourceColumns.ROWTIME, dev.millrace.engine.types.SqlType.BIGINT),
            new Column(SourceColumns.ROWPARTITION, dev.millrace.engine.types.SqlType.INTEGER),
            new Column(SourceColumns.ROWOFFSET, dev.millrace.engine.types.SqlType.BIGINT))) {
      columns.add(new ScopeColumn(qualifier, c.name(), index++, c.type(), ScopeColumn.Kind.PSEUDO));
    }
    for (Column c : source.schema().key()) {
      columns.add(new ScopeColumn(qualifier, c.name(), index++, c.type(), ScopeColumn.Kind.KEY));
    }
    if (source.isWindowed()) {
      for (Column c : SourceColumns.windowBounds()) {
        columns.add(
            new ScopeColumn(qualifier, c.name(), index++, c.type(), ScopeColumn.Kind.WINDOW_BOUND));
      }
    }
    return new Scope(columns, List.of(qualifier));
  }

  /**
   * The scope of a join: this side's columns then the other side's. A synthetic key of an earlier
   * join is left out: the new join has a key of its own.
   */
  public Scope join(Scope right) {
    List<ScopeColumn> all =
        new ArrayList<>(columns.stream().filter(c -> !c.source().isEmpty()).toList());
    all.addAll(right.columns);
    List<String> names = new ArrayList<>(sources);
    names.addAll(right.sources);
    return new Scope(all, names);
  }

  /**
   * This scope with one more column that belongs to no source (a join's synthetic key): it is named
   * without a qualifier, and an unqualified {@code *} starts with it.
   */
  public Scope withColumn(ScopeColumn column) {
    List<ScopeColumn> all = new ArrayList<>(columns);
    all.add(column);
    return new Scope(all, sources);
  }

  public List<ScopeColumn> columns() {
    return columns;
  }

  /** The qualifiers (aliases or names) of the sources in scope, in FROM order. */
  public List<String> sources() {
    return sources;
  }

  public boolean isJoin() {
    return sources.size() > 1;
  }

  /**
   * The KEY then VALUE columns of one source (or of all, when {@code qualifier} is null, after the
   * columns of no source), as {@code *} expands.
   */
  public List<ScopeColumn> star(String qualifier) {
    return star(qualifier, false);
  }

  /**
   * As {@link #star(String)}; with {@code windowBounds}, a windowed source's WINDOWSTART and
   * WINDOWEND follow its key columns (as transient queries show them).
   */
  public List<ScopeColumn> star(String qualifier, boolean windowBounds) {
    List<ScopeColumn> out = new ArrayList<>();
    if (qualifier == null) {
      columns.stream().filter(c -> !sources.contains(c.source())).forEach(out::add);
    }
    for (String source : sources) {
      if (qualifier != null && !qualifier.equals(source)) {
        continue;
      }
      columns.stream()
          .filter(c -> c.source().equals(source) && c.kind() == ScopeColumn.Kind.KEY)
          .forEach(out::add);
      if (windowBounds) {
        columns.stream()
            .filter(c -> c.source().equals(source) && c.kind() == ScopeColumn.Kind.WINDOW_BOUND)
            .forEach(out::add);
      }
      columns.stream()
          .filter(c -> c.source().equals(source) && c.kind() == ScopeColumn.Kind.VALUE)
          .forEach(out::add);
    }
    return out;
  }

  /**
   * Every column of one source (or of all, when {@code qualifier} is null, after the columns of no
   * source) in the order of the row: value, pseudo, key columns, then window bounds, source by
   * source. Unlike {@link #star}, pseudo columns are included.
   */
  public List<ScopeColumn> layout(String qualifier) {
    List<ScopeColumn> out = new ArrayList<>();
    if (qualifier == null) {
      columns.stream().filter(c -> !sources.contains(c.source())).forEach(out::add);
    }
    columns.stream()
        .filter(c -> sources.contains(c.source()))
        .filter(c -> qualifier == null || qualifier.equals(c.source()))
        .forEach(out::add);
    return out;
  }

  /** Checks that a qualifier names a source in scope. */
  public void checkSource(String qualifier, NodeLocation location) {
    if (!sources.contains(qualifier)) {
      throw new PlanningException(
          location,
          "'"
              + qualifier
              + "' is not a valid stream/table name or alias."
              + ClosestNames.hint(qualifier, sources));
    }
  }

  /** The column a reference names; throws a positioned error if none or several. */
  public ScopeColumn resolve(ColumnRef ref) {
    ref.source().ifPresent(q -> checkSource(q, ref.location()));
    List<ScopeColumn> matches =
        columns.stream()
            .filter(
                c ->
                    c.name().equals(ref.name())
                        && ref.source().map(c.source()::equals).orElse(true))
            .toList();
    if (matches.size() > 1
        && isJoin()
        && SourceColumns.isPseudoColumn(ref.name())
        && ref.source().isEmpty()) {
      return matches.get(0);
    }
    if (matches.size() > 1) {
      throw new PlanningException(
          ref.location(),
          "Column '"
              + ref.name()
              + "' is ambiguous. Could be "
              + matches.stream().map(ScopeColumn::qualifiedName).collect(Collectors.joining(" or "))
              + ".");
    }
    if (matches.isEmpty()) {
      throw unknown(ref);
    }
    return matches.get(0);
  }

  private PlanningException unknown(ColumnRef ref) {
    if (ref.name().equals(SourceColumns.WINDOWSTART)
        || ref.name().equals(SourceColumns.WINDOWEND)) {
      return new PlanningException(
          ref.location(),
          "Window bounds column "
              + ref.name()
              + " can only be used in the SELECT clause of windowed aggregations");
    }
    Set<String> names = new LinkedHashSet<>();
    columns.stream()
        .filter(c -> ref.source().map(c.source()::equals).orElse(true))
        .forEach(c -> names.add(c.name()));
    String shown = ref.source().map(s -> s + ".").orElse("") + ref.name();
    return new PlanningException(
        ref.location(),
        "Column '" + shown + "' cannot be resolved." + ClosestNames.hint(ref.name(), names));
  }
}
