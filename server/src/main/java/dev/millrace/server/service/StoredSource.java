package dev.millrace.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.planner.PlannedStatement;
import dev.millrace.planner.TopicRequest;
import dev.millrace.planner.catalog.CatalogChange;
import java.util.Objects;
import java.util.Optional;

/**
 * A CREATE STREAM or CREATE TABLE as its command-log entry keeps it, so that a restarted server,
 * and every other server of the service, adds the source the statement was accepted as rather than
 * planning its text again: columns and formats as resolved then. Planning again would read the
 * columns left out of the statement from the subject's latest schema as it is now, and pin that
 * version's id for writing; a subject given a new version since would change the source's columns,
 * and keys written with another id land in other partitions than the topic's own.
 *
 * @param change the source added, and whether it replaced one of the same name
 * @param createTopic the topic to check, or create when the statement gave its partitions
 */
public record StoredSource(CatalogChange.AddSource change, Optional<TopicRequest> createTopic) {

  public StoredSource {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(createTopic, "createTopic");
  }

  /** What the command log keeps of a planned CREATE STREAM / CREATE TABLE. */
  static StoredSource of(CatalogChange.AddSource change, PlannedStatement.CatalogUpdate update) {
    return new StoredSource(change, update.createTopic());
  }

  /** The statement as planned when it was accepted. */
  PlannedStatement.CatalogUpdate planned() {
    return new PlannedStatement.CatalogUpdate(change, createTopic, Optional.empty());
  }

  JsonNode toJson() {
    return StoredJson.MAPPER.valueToTree(this);
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws CommandCodec.MalformedCommand when it cannot be read
   */
  static StoredSource fromJson(JsonNode json) throws CommandCodec.MalformedCommand {
    try {
      return StoredJson.MAPPER.treeToValue(json, StoredSource.class);
    } catch (JsonProcessingException | RuntimeException invalid) {
      throw new CommandCodec.MalformedCommand("its stored source cannot be read");
    }
  }
}
