package dev.millrace.server.service;

import dev.millrace.planner.catalog.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Carries out {@code POST /ksql/terminate} as ksqlDB documents it: ends every push query and
 * terminates every persistent query (removing what each keeps), deletes the topics of the streams
 * and tables that queries created and whose names match one of {@code deleteTopicList} (a name or a
 * regular expression), stops the server's heartbeats, and deletes the server's own topics: the
 * command topic, the processing log and the heartbeat topic. Topics of declared sources are never
 * deleted, even when they match.
 */
final class ClusterTerminator {

  private final StatementEngine engine;
  private final List<String> managedTopics;

  /**
   * @param managedTopics the topics the server itself keeps: command topic, processing log,
   *     heartbeats
   */
  ClusterTerminator(StatementEngine engine, List<String> managedTopics) {
    this.engine = engine;
    this.managedTopics = List.copyOf(managedTopics);
  }

  /** Checks the patterns first, so that a bad one terminates nothing. */
  void terminate(List<String> deleteTopicList) {
    List<Pattern> patterns = patterns(deleteTopicList);
    synchronized (engine) {
      List.copyOf(engine.pushQueries().values()).forEach(push -> push.terminate().run());
      List.copyOf(engine.queries().keySet()).forEach(engine::stopQuery);
      // Heartbeats stop first: a beat written after the deletion would bring the topic back.
      engine.leaveCluster();
      List<String> doomed = new ArrayList<>();
      engine.catalog().sources().stream()
          .filter(DataSource::createdByQuery)
          .map(DataSource::topic)
          .filter(topic -> patterns.stream().anyMatch(p -> p.matcher(topic).matches()))
          .forEach(doomed::add);
      doomed.addAll(managedTopics);
      doomed.stream()
          .distinct()
          .filter(engine.backend()::topicExists)
          .forEach(engine.backend()::deleteTopic);
    }
  }

  private static List<Pattern> patterns(List<String> deleteTopicList) {
    List<Pattern> patterns = new ArrayList<>();
    for (String pattern : deleteTopicList) {
      try {
        patterns.add(Pattern.compile(pattern));
      } catch (PatternSyntaxException invalid) {
        throw new EngineException(
            ErrorCode.BAD_REQUEST,
            "Invalid pattern in deleteTopicList: '" + pattern + "': " + invalid.getDescription());
      }
    }
    return patterns;
  }
}
