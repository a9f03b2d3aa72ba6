package dev.millrace.server.service;

import java.util.List;

/**
 * Receives one query's result; implemented by whoever sends the result on (the HTTP layer). See
 * {@link EngineFacade#runQuery} for the order of calls.
 */
public interface QuerySubscriber {

  /**
   * The query started. No row arrives until the subscriber calls {@link QuerySubscription#request}
   * on {@code subscription}.
   */
  void onStart(QueryHeader header, QuerySubscription subscription);

  /**
   * One result row: values in header order, as JSON-ready Java values (null, Boolean, Integer,
   * Long, Double, BigDecimal, String, List, Map with String keys for MAP and STRUCT).
   */
  void onRow(List<Object> row);

  /** The query stopped by itself; no further calls follow. */
  void onEnd(QueryEnd end);

  /** The query could not start or failed while running; no further calls follow. */
  void onError(EngineException error);
}
