package dev.millrace.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A join whose one side is repartitioned into the other's key format, a schema-registry format,
 * over four partitions on the embedded broker and a real registry. Registry keys carry a schema id
 * in their bytes, and Kafka's partitioner hashes those bytes: the repartitioned side's keys must
 * land in the partitions of the same numbers as the other side's equal keys, whatever subject each
 * side's schema is registered under, or the join silently misses rows.
 */
class RegistryKeyJoinOnKafkaTest {
  private static final int USERS = 12;

  @RegisterExtension
  static final KafkaEngineExtension kafka =
      KafkaEngineExtension.forService("registry_key_join").withRegistry().withProcessingLog();

  @ParameterizedTest
  @ValueSource(strings = {"AVRO", "PROTOBUF"})
  void everyRepartitionedStreamRecordMeetsItsTableRow(String keyFormat) throws Exception {
    String suffix = keyFormat.toLowerCase();
    run(
        "CREATE TABLE users_"
            + suffix
            + " (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='rk_users_"
            + suffix
            + "', KEY_FORMAT='"
            + keyFormat
            + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
    run(
        "CREATE STREAM views_"
            + suffix
            + " (view_id INT KEY, user_id INT) WITH (KAFKA_TOPIC='rk_views_"
            + suffix
            + "', KEY_FORMAT='"
            + keyFormat
            + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
    for (int id = 1; id <= USERS; id++) {
      run("INSERT INTO users_" + suffix + " (id, name) VALUES (" + id + ", 'user" + id + "');");
    }
    run(
        "CREATE STREAM named_views_"
            + suffix
            + " WITH (KAFKA_TOPIC='rk_named_views_"
            + suffix
            + "', KEY_FORMAT='JSON') AS SELECT v.user_id, u.name FROM views_"
            + suffix
            + " v JOIN users_"
            + suffix
            + " u ON v.user_id = u.id;");
    for (int id = 1; id <= USERS; id++) {
      run(
          "INSERT INTO views_"
              + suffix
              + " (view_id, user_id) VALUES ("
              + (100 + id)
              + ", "
              + id
              + ");");
    }

    Set<String> expected = new TreeSet<>();
    for (int id = 1; id <= USERS; id++) {
      expected.add(id + " {\"NAME\":\"user" + id + "\"}");
    }
    assertEquals(
        expected,
        kafka.output().awaitKeysAndValues("rk_named_views_" + suffix, expected),
        kafka::diagnostics);
  }

  private static void run(String sql) {
    kafka.run(sql, KafkaEngineExtension.EARLIEST);
  }
}
