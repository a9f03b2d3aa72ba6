package dev.millrace.cli.testing;

import java.util.List;
import java.util.Optional;

/**
 * One fresh, isolated engine for one test case: empty catalog, topics and state, every record fully
 * processed before the next, stream time moved only by record timestamps.
 */
public interface CaseSession extends AutoCloseable {

  /** Creates a topic that exists before the statements run. */
  void createTopic(String name, int partitions);

  /** Runs one statement; throws with a readable message when it is rejected. */
  void execute(String statement);

  /** Writes one input record, serialised with the formats of the source reading its topic. */
  void pipe(TestRecord input);

  /** Every record written to the topic so far, decoded with its sink's formats into value-spec form. */
  List<TestRecord> output(String topic);

  /** The named source as the {@code post} checks describe it, if it exists. */
  Optional<SourceSummary> source(String name);

  /** Every topic that exists now, including internal ones. */
  List<String> topics();

  @Override
  void close();

  /**
   * A stream or table as the post checks see it: {@code type} is {@code stream} or {@code table},
   * {@code schema} is ksqlDB's text such as {@code `K` STRING KEY, `V` BIGINT}.
   */
  record SourceSummary(String type, String schema, String keyFormat, String valueFormat, Optional<String> windowType) {}
}
