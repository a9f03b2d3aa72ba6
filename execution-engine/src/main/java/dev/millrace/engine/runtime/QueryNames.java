package dev.millrace.engine.runtime;

/**
 * The Kafka names that belong to one persistent query: its consumer group, and its internal topics,
 * which all start with the group id so that they are easy to find and to clean up.
 */
record QueryNames(String serviceId, String queryId) {

  /** {@code _millrace-<serviceId>-query-<queryId>}. */
  String groupId() {
    return "_millrace-" + serviceId + "-query-" + queryId;
  }

  /** The Kafka topic behind a repartition topic the plan names {@code name}. */
  String repartitionTopic(String name) {
    return groupId() + "-" + name;
  }

  /** The compacted topic that backs the store {@code store}. */
  String changelogTopic(String store) {
    return groupId() + "-" + store + "-changelog";
  }

  /** The producer's transactional id: stable across restarts of the same instance. */
  String transactionalId(String instanceId) {
    return groupId() + "-" + instanceId;
  }
}
