package dev.millrace.server.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One query in {@code SHOW QUERIES} and in a source description's read/write queries.
 *
 * @param queryString the statement that started the query
 * @param sinks the streams and tables the query writes
 * @param sinkKafkaTopics the topics the query writes
 * @param id the query id, for example {@code CSAS_PAGEVIEWS_HOME_3}
 * @param statusCount number of servers per state, for example {@code {"RUNNING": 1}}
 * @param queryType {@code PERSISTENT} or {@code PUSH}
 * @param state the overall state: {@code RUNNING} unless some server reports {@code ERROR}
 */
public record RunningQuery(
    String queryString,
    List<String> sinks,
    List<String> sinkKafkaTopics,
    String id,
    Map<String, Integer> statusCount,
    String queryType,
    String state) {

  public RunningQuery {
    Objects.requireNonNull(queryString, "queryString");
    Objects.requireNonNull(id, "id");
    sinks = Lists.copyOrEmpty(sinks);
    sinkKafkaTopics = Lists.copyOrEmpty(sinkKafkaTopics);
    statusCount = Lists.copyOrEmpty(statusCount);
  }

  /** A persistent query on this one server, in {@code state} ({@code RUNNING}, {@code ERROR}). */
  public static RunningQuery persistent(
      String queryString,
      List<String> sinks,
      List<String> sinkKafkaTopics,
      String id,
      String state) {
    return new RunningQuery(
        queryString, sinks, sinkKafkaTopics, id, Map.of(state, 1), "PERSISTENT", state);
  }

  /** A push query streaming to a client of this server: it writes no sink. */
  public static RunningQuery push(String queryString, String id) {
    return new RunningQuery(
        queryString, List.of(), List.of(), id, Map.of("RUNNING", 1), "PUSH", "RUNNING");
  }
}
