package dev.millrace.server.service;

import dev.millrace.engine.plan.FormatInfo;
import dev.millrace.engine.types.Column;
import dev.millrace.engine.types.SqlType;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.server.api.FieldInfo;
import dev.millrace.server.api.QueryErrorInfo;
import dev.millrace.server.api.RunningQuery;
import dev.millrace.server.api.SchemaInfo;
import dev.millrace.server.api.SourceDescription;
import dev.millrace.server.api.SourceInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Describes catalog contents in the shapes of the REST API's entities. */
final class CatalogEntities {
  private CatalogEntities() {}

  static SourceInfo info(DataSource source) {
    String key = source.formats().key().format();
    String value = source.formats().value().format();
    return source.isTable()
        ? SourceInfo.table(source.name(), source.topic(), key, value, source.isWindowed())
        : SourceInfo.stream(source.name(), source.topic(), key, value);
  }

  static RunningQuery running(PersistentQuery query, QueryBackend.QueryStatus status) {
    return RunningQuery.persistent(
        query.statementText(),
        List.of(query.sink()),
        List.of(query.sinkTopic()),
        query.id(),
        status.state().name());
  }

  /** The query's errors, oldest first, in EXPLAIN's shape. */
  static List<QueryErrorInfo> errors(QueryBackend.QueryStatus status) {
    return status.errors().stream()
        .map(e -> new QueryErrorInfo(e.time().toEpochMilli(), e.message(), e.type().name()))
        .toList();
  }

  static SourceDescription describe(
      DataSource source,
      Catalog catalog,
      Map<String, PersistentQuery> queries,
      Function<PersistentQuery, QueryBackend.QueryStatus> statuses,
      boolean extended,
      int partitions,
      int replicas) {
    return new SourceDescription(
        source.name(),
        source.formats().keyWindow().map(w -> w.type().name()).orElse(null),
        runningQueries(catalog.readersOf(source.name()), queries, statuses),
        runningQueries(catalog.writersOf(source.name()), queries, statuses),
        fields(source),
        source.isTable() ? "TABLE" : "STREAM",
        source.timestamp().map(t -> t.column()).orElse(""),
        "",
        "",
        Map.of(),
        Map.of(),
        extended,
        formatName(source.formats().key()),
        formatName(source.formats().value()),
        source.topic(),
        partitions,
        replicas,
        source.sqlText(),
        List.of(),
        List.of());
  }

  private static String formatName(FormatInfo format) {
    return format.format();
  }

  private static List<RunningQuery> runningQueries(
      Collection<String> ids,
      Map<String, PersistentQuery> queries,
      Function<PersistentQuery, QueryBackend.QueryStatus> statuses) {
    return ids.stream()
        .map(queries::get)
        .filter(q -> q != null)
        .map(q -> running(q, statuses.apply(q)))
        .toList();
  }

  static List<FieldInfo> fields(DataSource source) {
    List<FieldInfo> fields = new ArrayList<>();
    for (Column key : source.schema().key()) {
      fields.add(FieldInfo.key(key.name(), schema(key.type())));
    }
    for (Column value : source.schema().value()) {
      fields.add(
          source
              .header(value.name())
              .map(h -> FieldInfo.header(value.name(), schema(value.type()), h.key().orElse(null)))
              .orElseGet(() -> FieldInfo.value(value.name(), schema(value.type()))));
    }
    return fields;
  }

  /** A SQL type in the REST API's schema shape. */
  static SchemaInfo schema(SqlType type) {
    return switch (type.base()) {
      case DECIMAL ->
          SchemaInfo.decimal(
              ((SqlType.Decimal) type).precision(), ((SqlType.Decimal) type).scale());
      case ARRAY -> SchemaInfo.array(schema(((SqlType.Array) type).element()));
      case MAP -> SchemaInfo.map(schema(((SqlType.Map) type).value()));
      case STRUCT ->
          SchemaInfo.struct(
              ((SqlType.Struct) type)
                  .fields().stream()
                      .map(f -> FieldInfo.value(f.name(), schema(f.type())))
                      .toList());
      default -> SchemaInfo.primitive(type.toSql());
    };
  }
}
