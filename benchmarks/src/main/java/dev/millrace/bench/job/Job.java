package dev.millrace.bench.job;

import dev.millrace.bench.data.DataSet;

/** The jobs the benchmark runs, each on every engine that has it. */
public enum Job {
  FILTER("project/filter", true),
  GROUP_BY("GROUP BY PAGEID COUNT(*), every update", true),
  /**
   * One key per (user, page) pair seen: its number of keys grows almost as fast as the input (see
   * {@link dev.millrace.bench.data.DataGenerator}), which is what the memory figures watch.
   */
  USER_PAGES("GROUP BY USERID, PAGEID COUNT(*), every update", true),
  TUMBLING("1-minute tumbling COUNT(*) by USERID, every update", true),
  JOIN("pageviews LEFT JOIN users table", true),
  /** Millrace alone: the same query as {@link #FILTER} over AVRO, compared with it (issue 7). */
  FILTER_AVRO("project/filter over AVRO", false);

  private final String title;
  private final boolean onKafkaStreams;

  Job(String title, boolean onKafkaStreams) {
    this.title = title;
    this.onKafkaStreams = onKafkaStreams;
  }

  public String title() {
    return title;
  }

  public boolean runsOn(Engine engine) {
    return engine == Engine.MILLRACE || onKafkaStreams;
  }

  /** How many output records a correct run writes: the job is done when they are all there. */
  public long expectedOutputs(DataSet data) {
    return switch (this) {
      case FILTER, FILTER_AVRO -> data.longViews();
      // Every update: one output record per page view.
      case GROUP_BY, USER_PAGES, TUMBLING, JOIN -> data.pageviews();
    };
  }

  /** The output topic of one pass: a fresh one each time, so passes never read each other. */
  public String outputTopic(String runId) {
    return name().toLowerCase() + "_" + runId;
  }
}
