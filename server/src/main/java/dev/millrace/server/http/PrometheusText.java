package dev.millrace.server.http;

import dev.millrace.server.service.QueryMetrics;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Writes query metrics in Prometheus' text exposition format (version 0.0.4): per metric a HELP and
 * a TYPE line, then one sample per query, labelled with its {@code query_id}.
 */
final class PrometheusText {
  /** The content type Prometheus expects for this format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private record Metric(
      String name, String type, String help, ToLongFunction<QueryMetrics> value) {}

  private static final List<Metric> METRICS =
      List.of(
          new Metric(
              "millrace_query_records_in_total",
              "counter",
              "Input records the query has processed.",
              QueryMetrics::recordsIn),
          new Metric(
              "millrace_query_records_out_total",
              "counter",
              "Records the query has written to its sink topic.",
              QueryMetrics::recordsOut),
          new Metric(
              "millrace_query_processing_errors_total",
              "counter",
              "Records the query skipped or partly failed, reported to the processing log.",
              QueryMetrics::processingErrors),
          new Metric(
              "millrace_query_consumer_lag_records",
              "gauge",
              "Records on the broker the query has not fetched yet, over its partitions.",
              QueryMetrics::consumerLag),
          new Metric(
              "millrace_query_state_bytes",
              "gauge",
              "Bytes the query's local state (RocksDB) takes on disk.",
              QueryMetrics::stateBytes));

  private PrometheusText() {}

  static String write(List<QueryMetrics> queries) {
    StringBuilder text = new StringBuilder();
    for (Metric metric : METRICS) {
      header(text, metric.name(), metric.type(), metric.help());
      for (QueryMetrics query : queries) {
        sample(text, metric.name(), labels(query), metric.value().applyAsLong(query));
      }
    }
    header(
        text,
        "millrace_query_state",
        "gauge",
        "1 for the state the query is in: RUNNING, ERROR or NOT_RUNNING.");
    for (QueryMetrics query : queries) {
      sample(text, "millrace_query_state", labels(query) + ",state=\"" + query.state() + "\"", 1);
    }
    return text.toString();
  }

  private static void header(StringBuilder text, String name, String type, String help) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder text, String name, String labels, long value) {
    text.append(name).append('{').append(labels).append("} ").append(value).append('\n');
  }

  private static String labels(QueryMetrics query) {
    return "query_id=\"" + escape(query.queryId()) + "\"";
  }

  /** Label values escape backslash, double quote and line feed. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
