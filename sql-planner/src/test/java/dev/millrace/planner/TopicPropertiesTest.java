package dev.millrace.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.millrace.parser.ast.NodeLocation;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The topic a CREATE statement names, checked against Kafka's rules: statement, then the exact
 * error.
 */
class TopicPropertiesTest {
  private static final String LONG_NAME = "t".repeat(TopicProperties.MAX_NAME_LENGTH);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=0);    | line 1:69: Invalid value for PARTITIONS: 0. A topic needs at least one partition.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=-1);   | line 1:69: Invalid value for PARTITIONS: -1. A topic needs at least one partition.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1001); | line 1:69: Invalid value for PARTITIONS: 1001. It may be at most 1000; declare a larger topic made with Kafka's tools without PARTITIONS.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS='many'); | line 1:69: Invalid value for PARTITIONS: 'many'. It must be a whole number.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', REPLICAS=0);      | line 1:69: Invalid value for REPLICAS: 0. A topic needs at least one replica.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', REPLICAS=40000);  | line 1:69: Invalid value for REPLICAS: 40000. It must be at most 32767.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='', VALUE_FORMAT='JSON');                   | line 1:31: Invalid topic name '': it is empty.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='.', VALUE_FORMAT='JSON');                  | line 1:31: Invalid topic name '.': '.' and '..' are not allowed.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='a/b', VALUE_FORMAT='JSON');                | line 1:31: Invalid topic name 'a/b': it contains '/'; Kafka allows only ASCII letters, digits, '.', '_' and '-'.
      CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='café', VALUE_FORMAT='JSON');               | line 1:31: Invalid topic name 'café': it contains 'é'; Kafka allows only ASCII letters, digits, '.', '_' and '-'.
      CREATE STREAM `A B` (V INT) WITH (VALUE_FORMAT='JSON');                               | line 1:1: Invalid topic name 'A B': it contains ' '; Kafka allows only ASCII letters, digits, '.', '_' and '-'.
      CREATE STREAM `A B` AS SELECT * FROM T;                                               | line 1:1: Invalid topic name 'A B': it contains ' '; Kafka allows only ASCII letters, digits, '.', '_' and '-'.
      CREATE STREAM C WITH (PARTITIONS=0) AS SELECT * FROM T;                               | line 1:23: Invalid value for PARTITIONS: 0. A topic needs at least one partition.
      """)
  void rejects(String sql, String message) {
    TestSession session =
        new TestSession()
            .run("CREATE STREAM T (V INT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON');");
    PlanningException error = assertThrows(PlanningException.class, () -> session.plan(sql));
    assertEquals(message, error.getMessage());
  }

  @Test
  void aNameOfKafkasMaximumLengthIsAcceptedAndOneMoreIsNot() {
    TestSession session = new TestSession();
    String longest =
        "CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='" + LONG_NAME + "', VALUE_FORMAT='JSON');";
    PlannedStatement.CatalogUpdate update = (PlannedStatement.CatalogUpdate) session.plan(longest);
    assertEquals(LONG_NAME, update.createTopic().orElseThrow().name());

    PlanningException error =
        assertThrows(
            PlanningException.class,
            () ->
                session.plan(
                    "CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='"
                        + LONG_NAME
                        + "x', VALUE_FORMAT='JSON');"));
    assertEquals(
        "line 1:31: Invalid topic name '"
            + "t".repeat(57)
            + "...': it is 250 characters long, and Kafka "
            + "allows at most 249.",
        error.getMessage());
  }

  @Test
  void aSourceWithoutPartitionsStillNamesItsTopicSoThatItsExistenceIsChecked() {
    PlannedStatement.CatalogUpdate update =
        (PlannedStatement.CatalogUpdate)
            new TestSession()
                .plan(
                    "CREATE STREAM S (V INT) WITH (KAFKA_TOPIC='s.v1_x-y', VALUE_FORMAT='JSON');");

    assertEquals(
        new TopicRequest("s.v1_x-y", OptionalInt.empty(), OptionalInt.empty(), NodeLocation.NONE),
        update.createTopic().orElseThrow());
    assertEquals(
        new NodeLocation(1, 31).toString(),
        update.createTopic().orElseThrow().location().toString());
  }
}
