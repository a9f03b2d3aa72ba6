package dev.millrace.server.api;

import java.util.List;
import java.util.Objects;

/**
 * One topic in {@code SHOW TOPICS}.
 *
 * @param replicaInfo the number of replicas of each partition, one element per partition
 */
public record KafkaTopicInfo(String name, List<Integer> replicaInfo) {

  public KafkaTopicInfo {
    Objects.requireNonNull(name, "name");
    replicaInfo = Lists.copyOrEmpty(replicaInfo);
  }
}
