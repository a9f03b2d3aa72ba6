package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to {@code SHOW TOPICS} / {@code LIST TOPICS}. */
public record KafkaTopicsList(
    String statementText, List<KafkaTopicInfo> topics, List<Warning> warnings)
    implements KsqlEntity {

  public KafkaTopicsList {
    Objects.requireNonNull(statementText, "statementText");
    topics = Lists.copyOrEmpty(topics);
    warnings = Lists.copyOrEmpty(warnings);
  }
}
