package dev.millrace.server.api;

import java.util.List;

/**
 * The body of {@code POST /ksql/terminate}.
 *
 * @param deleteTopicList names or regular expressions of topics to delete with the cluster; only
 *     topics of streams and tables that queries created are deleted
 */
public record ClusterTerminateRequest(List<String> deleteTopicList) {

  public ClusterTerminateRequest {
    deleteTopicList = Lists.copyOrEmpty(deleteTopicList);
  }
}
