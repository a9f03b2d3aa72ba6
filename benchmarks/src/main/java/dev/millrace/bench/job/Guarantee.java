package dev.millrace.bench.job;

/**
 * The processing guarantee both engines run a pass with. Its {@link #setting()} is the value of
 * {@code processing.guarantee} in Kafka Streams' spelling, which Millrace's queries take too.
 */
public enum Guarantee {
  EXACTLY_ONCE_V2("exactly_once_v2"),
  AT_LEAST_ONCE("at_least_once");

  private final String setting;

  Guarantee(String setting) {
    this.setting = setting;
  }

  /** The {@code processing.guarantee} value. */
  public String setting() {
    return setting;
  }
}
