package dev.millrace.server.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The push queries currently streaming to clients, by query id, for {@code /close-query}. */
final class ActiveQueries {

  private final Map<String, StreamingQuery> queries = new ConcurrentHashMap<>();

  void add(String queryId, StreamingQuery query) {
    queries.put(queryId, query);
  }

  void remove(String queryId, StreamingQuery query) {
    queries.remove(queryId, query);
  }

  /** Closes the query with this id; false when no such query is streaming. */
  boolean close(String queryId) {
    StreamingQuery query = queries.remove(queryId);
    if (query == null) {
      return false;
    }
    query.close();
    return true;
  }

  /** Gives every streaming query the chance to write a keep-alive newline. */
  void keepAlive(long idleNanos) {
    queries.values().forEach(query -> query.keepAlive(idleNanos));
  }

  /** Closes every query, as the server stops. */
  void closeAll() {
    List.copyOf(queries.keySet()).forEach(this::close);
  }

  int size() {
    return queries.size();
  }
}
