package dev.millrace.server.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Map;

/**
 * The first line of a {@code POST /inserts-stream} body.
 *
 * @param target the stream or table to insert into: an identifier, upper-cased unless quoted
 * @param properties property overrides for the inserts
 */
public record InsertsStreamArgs(
    String target, @JsonAlias("streamsProperties") Map<String, Object> properties) {

  public InsertsStreamArgs {
    properties = Lists.copyOrEmpty(properties);
  }
}
