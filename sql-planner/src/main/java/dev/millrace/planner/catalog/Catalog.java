package dev.millrace.planner.catalog;

import dev.millrace.engine.types.SqlType;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of what exists: streams and tables, custom types, and which persistent
 * queries read and write which sources. Every change returns a new snapshot, so a planner can work
 * on one snapshot while the server swaps in the next; callers that share a catalog between threads
 * keep the current snapshot in one atomic reference.
 *
 * <p>Names are exact (already normalised by the parser); listings are sorted by name.
 */
public final class Catalog {
  private static final Catalog EMPTY = new Catalog(Map.of(), Map.of(), Map.of());

  private final Map<String, DataSource> sources;
  private final Map<String, SqlType> types;
  private final Map<String, QueryLinks> queries;

  private Catalog(
      Map<String, DataSource> sources,
      Map<String, SqlType> types,
      Map<String, QueryLinks> queries) {
    this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    this.types = Collections.unmodifiableMap(new TreeMap<>(types));
    this.queries = Collections.unmodifiableMap(new TreeMap<>(queries));
  }

  public static Catalog empty() {
    return EMPTY;
  }

  public Optional<DataSource> source(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  /** All streams and tables, by name. */
  public Collection<DataSource> sources() {
    return sources.values();
  }

  public Optional<SqlType> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** All custom types, by name. */
  public Map<String, SqlType> types() {
    return types;
  }

  /** The persistent queries known to the catalog, by id. */
  public Collection<QueryLinks> queries() {
    return queries.values();
  }

  public Optional<QueryLinks> query(String queryId) {
    return Optional.ofNullable(queries.get(queryId));
  }

  /** Ids of the queries writing to the source, sorted. */
  public List<String> writersOf(String source) {
    return queries.values().stream()
        .filter(q -> q.sink().filter(source::equals).isPresent())
        .map(QueryLinks::queryId)
        .toList();
  }

  /** Ids of the queries reading from the source, sorted. */
  public List<String> readersOf(String source) {
    return queries.values().stream()
        .filter(q -> q.sources().contains(source))
        .map(QueryLinks::queryId)
        .toList();
  }

  /** The snapshot after the change. Throws {@link IllegalStateException} if it does not apply. */
  public Catalog apply(CatalogChange change) {
    if (change instanceof CatalogChange.AddSource add) {
      return withSource(add.source(), add.replace());
    }
    if (change instanceof CatalogChange.RemoveSource remove) {
      return withoutSource(remove.name());
    }
    if (change instanceof CatalogChange.AddType add) {
      return withType(add.name(), add.type());
    }
    return withoutType(((CatalogChange.RemoveType) change).name());
  }

  /** The snapshot with the query's links recorded (replacing links of the same id). */
  public Catalog withQuery(QueryLinks links) {
    Map<String, QueryLinks> next = new TreeMap<>(queries);
    next.put(links.queryId(), links);
    return new Catalog(sources, types, next);
  }

  /** The snapshot without the query (after TERMINATE); unknown ids change nothing. */
  public Catalog withoutQuery(String queryId) {
    Map<String, QueryLinks> next = new TreeMap<>(queries);
    next.remove(queryId);
    return new Catalog(sources, types, next);
  }

  private Catalog withSource(DataSource source, boolean replace) {
    if (!replace && sources.containsKey(source.name())) {
      throw new IllegalStateException(source.name() + " already exists");
    }
    Map<String, DataSource> next = new TreeMap<>(sources);
    next.put(source.name(), source);
    return new Catalog(next, types, queries);
  }

  private Catalog withoutSource(String name) {
    if (!sources.containsKey(name)) {
      throw new IllegalStateException(name + " does not exist");
    }
    Map<String, DataSource> next = new TreeMap<>(sources);
    next.remove(name);
    return new Catalog(next, types, queries);
  }

  private Catalog withType(String name, SqlType type) {
    Map<String, SqlType> next = new TreeMap<>(types);
    next.put(name, type);
    return new Catalog(sources, next, queries);
  }

  private Catalog withoutType(String name) {
    Map<String, SqlType> next = new TreeMap<>(types);
    next.remove(name);
    return new Catalog(sources, next, queries);
  }
}
