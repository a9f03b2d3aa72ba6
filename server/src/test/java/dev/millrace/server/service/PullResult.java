package dev.millrace.server.service;

import java.util.ArrayList;
import java.util.List;

/** Runs a pull query on an engine and keeps its rows (pull queries complete before returning). */
final class PullResult implements QuerySubscriber {
  final List<List<Object>> rows = new ArrayList<>();
  EngineException error;
  QueryEnd end;

  static PullResult run(StatementEngine engine, String sql) {
    PullResult result = new PullResult();
    engine.runQuery(
        engine.parse(sql).get(0),
        Session.of(new java.util.HashMap<>(), java.util.Map.of()),
        result);
    if (result.error != null) {
      throw result.error;
    }
    return result;
  }

  @Override
  public void onStart(QueryHeader header, QuerySubscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onRow(List<Object> row) {
    rows.add(row);
  }

  @Override
  public void onEnd(QueryEnd end) {
    this.end = end;
  }

  @Override
  public void onError(EngineException error) {
    this.error = error;
  }
}
