package dev.millrace.server.service;

import java.util.ArrayList;
import java.util.List;

/** A subscriber that writes down every call, and asks for rows only when told to. */
final class RecordingSubscriber implements QuerySubscriber {

  final List<String> events = new ArrayList<>();
  QuerySubscription subscription;

  @Override
  public void onStart(QueryHeader header, QuerySubscription subscription) {
    this.subscription = subscription;
    events.add("start " + header.queryId());
  }

  @Override
  public void onRow(List<Object> row) {
    events.add("row " + row);
  }

  @Override
  public void onEnd(QueryEnd end) {
    events.add("end " + end);
  }

  @Override
  public void onError(EngineException error) {
    events.add("error " + error.getMessage());
  }
}
