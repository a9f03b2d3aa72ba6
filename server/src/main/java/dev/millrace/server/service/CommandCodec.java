package dev.millrace.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON form of a command-log record: {@code {"statement": "...", "properties": {"k": "v"},
 * "sequence": n}}, and what the statement was planned as: for a persistent query {@code "query":
 * {...}} (see {@link StoredQuery}), for a CREATE STREAM / CREATE TABLE {@code "source": {...}} (see
 * {@link StoredSource}). Reading is lenient where it can be (missing properties are empty, non-text
 * property values become their JSON text, unknown fields are ignored) and strict only about the
 * statement, without which a record is useless, a stored query's catalog part, without which its
 * query cannot be restored as it was, and a stored source, for the same reason.
 */
final class CommandCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CommandCodec() {}

  static byte[] encode(
      long sequence,
      String statement,
      Map<String, String> properties,
      Optional<StoredQuery> query,
      Optional<StoredSource> source) {
    ObjectNode node = JSON.createObjectNode();
    node.put("statement", statement);
    ObjectNode props = node.putObject("properties");
    new TreeMap<>(properties).forEach(props::put);
    node.put("sequence", sequence);
    query.ifPresent(stored -> node.set("query", stored.toJson()));
    source.ifPresent(stored -> node.set("source", stored.toJson()));
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a command as JSON", e);
    }
  }

  /**
   * Reads one record.
   *
   * @throws MalformedCommand saying what is wrong, without quoting the record (it is user data)
   */
  static LoggedCommand decode(long offset, byte[] value) throws MalformedCommand {
    JsonNode node = parse(value);
    JsonNode statement = node.get("statement");
    if (statement == null || !statement.isTextual() || statement.asText().isBlank()) {
      throw new MalformedCommand("it has no \"statement\" text");
    }
    JsonNode sequence = node.path("sequence");
    if (node.hasNonNull("query") && node.hasNonNull("source")) {
      throw new MalformedCommand("it stores both a query and a source");
    }
    return new LoggedCommand(
        offset,
        sequence.canConvertToLong() ? sequence.asLong() : -1,
        statement.asText(),
        properties(node.get("properties")),
        query(node.get("query")),
        source(node.get("source")));
  }

  private static Optional<StoredQuery> query(JsonNode node) throws MalformedCommand {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(StoredQuery.fromJson(node));
  }

  private static Optional<StoredSource> source(JsonNode node) throws MalformedCommand {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(StoredSource.fromJson(node));
  }

  private static JsonNode parse(byte[] value) throws MalformedCommand {
    if (value == null) {
      throw new MalformedCommand("it has no value");
    }
    try {
      JsonNode node = JSON.readTree(value);
      if (node == null || !node.isObject()) {
        throw new MalformedCommand("it is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new MalformedCommand("it is not valid JSON");
    }
  }

  private static Map<String, String> properties(JsonNode node) throws MalformedCommand {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new MalformedCommand("its \"properties\" is not a JSON object");
    }
    Map<String, String> properties = new TreeMap<>();
    node.properties()
        .forEach(
            e ->
                properties.put(
                    e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    return properties;
  }

  /** A record that is not a command. */
  static final class MalformedCommand extends Exception {
    MalformedCommand(String reason) {
      super(reason);
    }
  }
}
