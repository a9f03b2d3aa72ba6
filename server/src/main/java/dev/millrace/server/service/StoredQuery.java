package dev.millrace.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.engine.plan.PlanJson;
import dev.millrace.engine.plan.UnreadablePlanException;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.TopicRequest;
import dev.millrace.planner.catalog.CatalogChange;
import dev.millrace.planner.catalog.DataSource;
import dev.millrace.planner.catalog.QueryLinks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A persistent query as its command-log entry keeps it, so that a restarted server runs it again
 * without planning its statement: what the planner made of the statement when it was accepted, with
 * the physical plan in {@link PlanJson}'s versioned form. The catalog part (sink, links, topics) is
 * read on its own, so a plan this server cannot read still leaves the query's sink in the catalog
 * and the query listed, in ERROR.
 *
 * @param plan the stored plan, read by {@link #planned()}
 */
public record StoredQuery(
    String queryId,
    DataSource sink,
    Optional<CatalogChange.AddSource> sinkChange,
    Optional<TopicRequest> createTopic,
    List<String> sourceTopics,
    QueryLinks links,
    String explain,
    JsonNode plan) {

  public StoredQuery {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(sinkChange, "sinkChange");
    Objects.requireNonNull(createTopic, "createTopic");
    sourceTopics = List.copyOf(sourceTopics);
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(explain, "explain");
    Objects.requireNonNull(plan, "plan");
  }

  /** What the command log keeps of the planned query. */
  static StoredQuery of(PlannedStatement.PersistentQuery query) {
    return new StoredQuery(
        query.queryId(),
        query.sink(),
        query.sinkChange().map(StoredQuery::addSource),
        query.createTopic(),
        query.sourceTopics(),
        query.links(),
        query.explain(),
        PlanJson.write(query.plan()));
  }

  /** The query as planned when it was accepted, with its stored plan. */
  PlannedStatement.PersistentQuery planned() throws UnreadablePlanException {
    return new PlannedStatement.PersistentQuery(
        queryId,
        sink,
        sinkChange.map(CatalogChange.class::cast),
        createTopic,
        PlanJson.read(plan),
        sourceTopics,
        links,
        explain);
  }

  /** Whether it replaced the query of the same id (CREATE OR REPLACE ... AS SELECT). */
  boolean replacesSink() {
    return sinkChange.filter(CatalogChange.AddSource::replace).isPresent();
  }

  JsonNode toJson() {
    return StoredJson.MAPPER.valueToTree(this);
  }

  /**
   * Reads what {@link #toJson} wrote; the plan is read later, by {@link #planned()}.
   *
   * @throws CommandCodec.MalformedCommand when the catalog part cannot be read
   */
  static StoredQuery fromJson(JsonNode json) throws CommandCodec.MalformedCommand {
    try {
      return StoredJson.MAPPER.treeToValue(json, StoredQuery.class);
    } catch (JsonProcessingException | RuntimeException invalid) {
      throw new CommandCodec.MalformedCommand("its stored query cannot be read");
    }
  }

  /** A query's sink is registered by adding it (CREATE ... AS SELECT); nothing else is stored. */
  private static CatalogChange.AddSource addSource(CatalogChange change) {
    if (change instanceof CatalogChange.AddSource add) {
      return add;
    }
    throw new IllegalArgumentException(
        "a persistent query registers its sink, not " + change.getClass().getSimpleName());
  }
}
