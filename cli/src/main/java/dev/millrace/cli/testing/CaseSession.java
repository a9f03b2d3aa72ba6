package dev.millrace.cli.testing;

import java.util.List;
import java.util.Optional;

/**
 * One fresh, isolated engine for one test case: empty catalog, topics and state, every record fully
 * processed before the next, stream time moved only by record timestamps. A statement or record is
 * fully processed, with all its downstream output written, before the call that submitted it
 * returns; the test runners rely on this to read output right after an {@code INSERT ... VALUES}.
 */
public interface CaseSession extends AutoCloseable {

  /**
   * Creates the case's topics, which exist before its statements run, and registers the schemas
   * ksqlDB's runner registers before them: the topics' own (and the schemas those import), and
   * those its CREATE statements declare with their columns.
   */
  void createTopics(TestCase test);

  /**
   * Runs one statement (DDL, persistent queries, {@code INSERT ... VALUES}, {@code SET}, ...);
   * throws with a readable message when it is rejected.
   */
  void execute(String statement);

  /**
   * The statement with the {@code ${name}} variables the session's DEFINE statements set so far
   * substituted, for a runner that reads the statement itself (an {@code ASSERT}); {@link #execute}
   * substitutes on its own.
   *
   * @throws dev.millrace.parser.ParseException at a reference to an undefined variable
   */
  String substitute(String statement);

  /** Writes one input record, serialised with the formats of the source reading its topic. */
  void pipe(TestRecord input);

  /**
   * Every record on the topic so far, in offset order, decoded into value-spec form with the
   * formats of the source over that topic (the sink's, for a query's output). Source topics count
   * too: the SQL test files assert on records written by {@code INSERT ... VALUES}.
   */
  List<TestRecord> output(String topic);

  /** The named source as the {@code post} checks describe it, if it exists. */
  Optional<SourceSummary> source(String name);

  /** Every topic that exists now, including internal ones. */
  List<String> topics();

  @Override
  void close();

  /**
   * A stream or table as the post checks see it: {@code type} is {@code stream} or {@code table},
   * {@code schema} is ksqlDB's text such as {@code `K` STRING KEY, `V` BIGINT} (key columns of a
   * table say {@code PRIMARY KEY}), formats are names such as {@code KAFKA} or {@code JSON}, and
   * {@code topic} is the Kafka topic the source reads or its query writes.
   */
  record SourceSummary(
      String type,
      String schema,
      String keyFormat,
      String valueFormat,
      Optional<String> windowType,
      String topic) {}
}
