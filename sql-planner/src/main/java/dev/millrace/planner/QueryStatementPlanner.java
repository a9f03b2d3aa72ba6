package dev.millrace.planner;

import dev.millrace.engine.function.FunctionRegistry;
import dev.millrace.engine.plan.Formats;
import dev.millrace.engine.plan.PlanStep;
import dev.millrace.engine.serde.SerdeFactory;
import dev.millrace.parser.ast.CreateAsSelect;
import dev.millrace.parser.ast.InsertInto;
import dev.millrace.parser.ast.Query;
import dev.millrace.planner.analysis.FormatResolver;
import dev.millrace.planner.analysis.WithClause;
import dev.millrace.planner.catalog.Catalog;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.QueryLinks;
import dev.millrace.planner.catalog.SourceType;
import dev.millrace.planner.catalog.TimestampColumn;
import dev.millrace.planner.explain.ExplainText;
import dev.millrace.planner.logical.Emit;
import dev.millrace.planner.logical.LogicalQuery;
import dev.millrace.planner.logical.PlanningContext;
import dev.millrace.planner.logical.QueryPlanner;
import dev.millrace.planner.logical.Sink;
import dev.millrace.planner.physical.PhysicalPlanner;
import dev.millrace.planner.physical.StepNames;
import dev.millrace.planner.rules.Optimizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.rel.RelNode;

/**
 * Plans the statements that run queries: CREATE ... AS SELECT, INSERT INTO ... SELECT and push
 * queries.
 */
final class QueryStatementPlanner {
  private static final Set<String> CAS_PROPERTIES =
      Set.of(
          "KAFKA_TOPIC",
          "VALUE_FORMAT",
          "KEY_FORMAT",
          "FORMAT",
          "PARTITIONS",
          "REPLICAS",
          "TIMESTAMP",
          "TIMESTAMP_FORMAT",
          "KEY_DELIMITER",
          "VALUE_DELIMITER",
          "WRAP_SINGLE_VALUE",
          "RETENTION_MS",
          "KEY_SCHEMA_ID",
          "VALUE_SCHEMA_ID",
          "KEY_SCHEMA_FULL_NAME",
          "VALUE_SCHEMA_FULL_NAME",
          "VALUE_AVRO_SCHEMA_FULL_NAME",
          "KEY_PROTOBUF_NULLABLE_REPRESENTATION",
          "VALUE_PROTOBUF_NULLABLE_REPRESENTATION");

  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final PlannerConfig config;

  QueryStatementPlanner(Catalog catalog, FunctionRegistry functions, PlannerConfig config) {
    this.catalog = catalog;
    this.functions = functions;
    this.config = config;
  }

  PlannedStatement createAsSelect(CreateAsSelect cas, String text, String queryId) {
    SourceType type = DdlPlanner.type(cas.kind());
    Optional<DataSource> existing = catalog.source(cas.name());
    if (existing.isPresent() && !cas.orReplace()) {
      if (cas.ifNotExists()) {
        return new PlannedStatement.NoChange(
            "A "
                + existing.get().type().lowerName()
                + " with the name "
                + cas.name()
                + " already exists.");
      }
      throw new PlanningException(
          cas.location(),
          "Cannot add "
              + type.lowerName()
              + " '"
              + cas.name()
              + "': A "
              + existing.get().type().lowerName()
              + " with the same name already exists");
    }
    existing.ifPresent(
        old -> SourceUpgrade.checkReplaceable(old, type.lowerName(), true, cas.location()));
    // The replacement runs as the query it replaces, so that it carries on from that query's
    // offsets and state (ksqlDB's in-place upgrade).
    String id = existing.flatMap(old -> creatingQuery(old.name())).orElse(queryId);
    checkPersistentShape(cas.query());
    PlanningContext context = new PlanningContext(catalog, functions);
    LogicalQuery query =
        new QueryPlanner(context, config.newQueryPlanner())
            .plan(cas.query(), Optional.of(cas.name()), true);
    if (query.resultType() != type) {
      throw new PlanningException(
          cas.location(),
          "Invalid result type. Your SELECT query produces a "
              + query.resultType()
              + ". Please use CREATE "
              + query.resultType()
              + " AS SELECT statement instead.");
    }
    WithClause with = new WithClause(cas.properties(), CAS_PROPERTIES, cas.location());
    Formats formats =
        FormatResolver.resolve(
            with, query.schema(), query.window(), defaults(query), false, cas.location());
    TopicRequest topicRequest =
        TopicProperties.request(with, config.outputTopicPrefix() + cas.name(), cas.location());
    String topic = topicRequest.name();
    RegisteredSchemaCheck.check(
        formats.key(), query.schema().key(), true, config.registry(), cas.location());
    RegisteredSchemaCheck.check(
        formats.value(), query.schema().value(), false, config.registry(), cas.location());
    DataSource sink =
        new DataSource(
            cas.name(),
            type,
            query.schema(),
            topic,
            formats,
            SourceProperties.timestamp(with, query.schema(), cas.location()),
            false,
            true,
            text);
    existing.ifPresent(old -> SourceUpgrade.checkCompatible(old, sink, cas.location()));
    return persistent(
        context,
        query,
        sink,
        sink.timestamp(),
        Optional.of(new CatalogChange.AddSource(sink, existing.isPresent())),
        Optional.of(topicRequest),
        id);
  }

  /** The running query of the CREATE ... AS SELECT that made {@code sink}, if it still runs. */
  private Optional<String> creatingQuery(String sink) {
    return catalog.writersOf(sink).stream()
        .filter(id -> QueryIds.createsSink(id, sink))
        .findFirst();
  }

  PlannedStatement insertInto(InsertInto insert, String queryId) {
    DataSource target =
        catalog
            .source(insert.target())
            .orElseThrow(
                () ->
                    new PlanningException(insert.location(), insert.target() + " does not exist."));
    if (target.type() != SourceType.STREAM) {
      throw new PlanningException(
          insert.location(),
          "INSERT INTO can only be used to insert into a stream. "
              + target.name()
              + " is a table.");
    }
    if (target.readOnly()) {
      throw new PlanningException(
          insert.location(), "Cannot insert into read-only stream: " + target.name());
    }
    if (!target.headers().isEmpty()) {
      // Header columns come from the records' headers, which a query's output does not carry.
      throw new PlanningException(
          insert.location(),
          "Cannot insert into "
              + target.name()
              + " because it has header columns: "
              + String.join(", ", target.headers().stream().map(h -> h.name()).toList()));
    }
    new WithClause(insert.properties(), Set.of("QUERY_ID"), insert.location());
    checkPersistentShape(insert.query());
    PlanningContext context = new PlanningContext(catalog, functions);
    LogicalQuery query =
        new QueryPlanner(context, config.newQueryPlanner())
            .plan(insert.query(), Optional.of(target.name()), true);
    if (query.resultType() != SourceType.STREAM) {
      throw new PlanningException(
          insert.location(),
          "INSERT INTO can only be used with a query that produces a "
              + "stream; this one produces a table.");
    }
    if (!query.schema().equals(target.schema())
        || query.window().isPresent() != target.isWindowed()) {
      throw new PlanningException(
          insert.location(),
          "Incompatible schema between results and sink.\n"
              + "Result schema is "
              + query.schema().toSql()
              + "\nSink schema is "
              + target.schema().toSql());
    }
    // As in ksqlDB, only a sink's own WITH clause sets its records' timestamps; INSERT INTO has
    // none.
    return persistent(
        context, query, target, Optional.empty(), Optional.empty(), Optional.empty(), queryId);
  }

  private PlannedStatement persistent(
      PlanningContext context,
      LogicalQuery query,
      DataSource sink,
      Optional<TimestampColumn> timestamp,
      Optional<CatalogChange> change,
      Optional<TopicRequest> topic,
      String queryId) {
    RelNode logical = query.root();
    RelNode optimized =
        Optimizer.optimize(
            new Sink(
                logical.getCluster(),
                logical.getTraitSet(),
                logical,
                sink.name(),
                sink.type(),
                sink.topic()));
    PlanStep plan =
        physical(context)
            .persistent(optimized.getInput(0), query, sink.topic(), sink.formats(), timestamp);
    List<String> sourceTopics =
        query.sources().stream().map(n -> catalog.source(n).orElseThrow().topic()).toList();
    QueryLinks links =
        new QueryLinks(queryId, Optional.of(sink.name()), Set.copyOf(query.sources()));
    return new PlannedStatement.PersistentQuery(
        queryId, sink, change, topic, plan, sourceTopics, links, ExplainText.of(optimized, plan));
  }

  PlannedStatement push(Query query, String queryId) {
    PlanningContext context = new PlanningContext(catalog, functions);
    LogicalQuery planned = new QueryPlanner(context).plan(query, Optional.empty(), false);
    RelNode logical = planned.root();
    RelNode optimized =
        Optimizer.optimize(
            new Emit(
                logical.getCluster(),
                logical.getTraitSet(),
                logical,
                query.emit().get(),
                query.limit()));
    PlanStep plan = physical(context).transientQuery(optimized.getInput(0), planned);
    List<String> sourceTopics =
        planned.sources().stream().map(n -> catalog.source(n).orElseThrow().topic()).toList();
    return new PlannedStatement.PushQuery(
        queryId,
        plan,
        planned.columns(),
        query.limit(),
        sourceTopics,
        ExplainText.of(optimized, plan));
  }

  /**
   * The formats a query's result gets unless its WITH clause says otherwise, as ksqlDB picks them:
   * the value format of the first source; the key format of the first source with a key format,
   * else (all inputs have key format NONE) the default key format, {@code
   * ksql.persistence.default.format.key}: it only shows when the query gives the result a key
   * (PARTITION BY, GROUP BY, a join), since a result without key columns gets NONE.
   */
  private FormatResolver.Defaults defaults(LogicalQuery query) {
    List<DataSource> inputs =
        query.sources().stream().map(n -> catalog.source(n).orElseThrow()).toList();
    DataSource first = inputs.get(0);
    String key =
        inputs.stream()
            .map(s -> s.formats().key().format())
            .filter(f -> !f.equals("NONE"))
            .findFirst()
            .orElse(config.defaultKeyFormat());
    // The input's registered schema is its own: a sink gets a generated schema, under its own name.
    Map<String, String> options = new TreeMap<>(first.formats().value().options());
    options.remove(SerdeFactory.SCHEMA_ID);
    options.remove(SerdeFactory.FULL_SCHEMA_NAME);
    return new FormatResolver.Defaults(
        Optional.of(key),
        Optional.of(first.formats().value().format()),
        options,
        config.wrapSingleValues(),
        config.registry());
  }

  private PhysicalPlanner physical(PlanningContext context) {
    return new PhysicalPlanner(
        context.types(), context.relBuilder().getRexBuilder(), new StepNames(), config);
  }

  private static void checkPersistentShape(Query query) {
    if (query.limit().isPresent()) {
      throw new PlanningException(
          query.location(), "LIMIT is not supported in persistent queries.");
    }
  }
}
