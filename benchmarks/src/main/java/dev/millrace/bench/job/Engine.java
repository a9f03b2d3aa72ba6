package dev.millrace.bench.job;

/** The engines the jobs run on. */
public enum Engine {
  MILLRACE("Millrace"),
  KAFKA_STREAMS("Kafka Streams");

  private final String title;

  Engine(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
