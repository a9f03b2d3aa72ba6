package dev.millrace.cli.testing;

import static dev.millrace.cli.testing.FakeSession.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.millrace.cli.testing.CaseResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseRunnerTest {
  private FakeSession session = new FakeSession();
  private final FakeSessions sessions = new FakeSessions(() -> session);

  @Test
  void runsTopicsStatementsAndInputsInOrderInAFreshSessionWithTheCaseProperties() {
    TestCase test =
        read(
            """
        {"name": "t", "properties": {"ksql.persistence.default.format.value": "JSON"},
         "topics": [{"name": "input", "partitions": 4}, {"name": "other"}],
         "statements": ["CREATE STREAM A (V INT) WITH (kafka_topic='input', value_format='JSON');"],
         "inputs": [{"topic": "input", "key": null, "value": {"V": 1}}]}
        """);

    assertEquals(Status.PASS, run(test).status());
    assertEquals(Map.of("input", 4, "other", 1), session.createdTopics);
    assertEquals(
        List.of("CREATE STREAM A (V INT) WITH (kafka_topic='input', value_format='JSON');"),
        session.executed);
    assertEquals(test.inputs(), session.piped);
    assertEquals(
        Map.of("ksql.persistence.default.format.value", "JSON"), sessions.opened.get(0).properties);
    assertEquals(true, session.closed);
  }

  @Test
  void outputsAreComparedPerNamedTopicInOrder() {
    session.output(
        record("A", "1", "{\"V\": 1}", 10L),
        record("A", "2", "{\"V\": 2}", 20L),
        record("B", "1", "1", 0L));

    assertEquals(
        Status.PASS,
        run(read(
                "{\"name\": \"t\", \"inputs\": [{\"topic\": \"x\", \"key\": 1, \"value\": 1}],"
                    + " \"outputs\": [{\"topic\": \"A\", \"key\": 1, \"value\": {\"V\": 1}, \"timestamp\": 10}, {\"topic\": \"A\", \"key\": 2, \"value\": {\"V\": 2}}]}"))
            .status());
    assertEquals(
        "topic A, record 1: timestamp: expected 21 but was 20\n"
            + "  expected         | actual\n"
            + "  1 -> {\"V\":1}     | 1 -> {\"V\":1} @10\n"
            + "  2 -> {\"V\":2} @21 ≠ 2 -> {\"V\":2} @20",
        run(read(
                "{\"name\": \"t\", \"inputs\": [{\"topic\": \"x\", \"key\": 1, \"value\": 1}],"
                    + " \"outputs\": [{\"topic\": \"A\", \"key\": 1, \"value\": {\"V\": 1}}, {\"topic\": \"A\", \"key\": 2, \"value\": {\"V\": 2}, \"timestamp\": 21}]}"))
            .message());
    assertEquals(
        "topic A: expected 1 records but got 2\n"
            + "  expected     | actual\n"
            + "  1 -> {\"V\":1} | 1 -> {\"V\":1} @10\n"
            + "               ≠ 2 -> {\"V\":2} @20",
        run(read(
                "{\"name\": \"t\", \"outputs\": [{\"topic\": \"A\", \"key\": 1, \"value\": {\"V\": 1}}]}"))
            .message());
  }

  @Test
  void withoutInputsAnExpectedTimestampOfZeroMatchesAnyTimestamp() {
    session.output(record("A", "1", "{\"V\": 1}", 1_700_000_000_000L));
    assertEquals(
        Status.PASS,
        run(read(
                "{\"name\": \"t\", \"outputs\": [{\"topic\": \"A\", \"key\": 1, \"value\": {\"V\": 1}, \"timestamp\": 0}]}"))
            .status());
  }

  @Test
  void anExpectedExceptionPassesOnAnyRejectionAndFailsWhenAllSucceeds() {
    TestCase test =
        read(
            "{\"name\": \"t\", \"statements\": [\"CREATE STREAM BAD;\"], \"expectedException\": {\"type\": \"KsqlException\"}}");
    assertEquals(Status.FAIL, run(test).status());
    session =
        new FakeSession().reject("BAD", new IllegalArgumentException("line 1:15: missing WITH"));
    assertEquals(Status.PASS, run(test).status());
  }

  @Test
  void aRejectedStatementFailsTheCase() {
    session.reject("BAD", new IllegalArgumentException("line 1:15: missing WITH"));
    assertEquals(
        CaseResult.fail(
            "f.json", "t", "statement rejected: CREATE STREAM BAD;\n  line 1:15: missing WITH"),
        run(read("{\"name\": \"t\", \"statements\": [\"CREATE STREAM BAD;\"]}")));
  }

  @Test
  void casesNeedingTestFunctionsAreSkippedWithoutASession() {
    assertEquals(
        Status.SKIP,
        run(read("{\"name\": \"t\", \"requires\": [\"udf-jar\", \"expected-error\"]}")).status());
    assertEquals(List.of(), sessions.opened);
  }

  @Test
  void casesNeedingTestFunctionsRunWhenTheSessionsLoadExtensions() {
    CaseSessionFactory withExtensions =
        new CaseSessionFactory() {
          @Override
          public CaseSession open(java.util.Map<String, Object> properties) {
            return sessions.open(properties);
          }

          @Override
          public boolean hasExtensions() {
            return true;
          }
        };

    assertEquals(
        Status.PASS,
        new CaseRunner(withExtensions)
            .run("f.json", read("{\"name\": \"t\", \"requires\": [\"udf-jar\"]}"))
            .status());
    assertEquals(1, sessions.opened.size());
  }

  @Test
  void casesNeedingASchemaRegistryRunInASession() {
    assertEquals(
        Status.PASS, run(read("{\"name\": \"t\", \"requires\": [\"schema-registry\"]}")).status());
    assertEquals(1, sessions.opened.size());
  }

  @Test
  void postChecksSourcesAndForbiddenTopics() {
    session
        .source("OUTPUT", "stream", "`K` STRING KEY, `V` BIGINT", "JSON", "OUTPUT")
        .output(record("OUTPUT-repartition", "1", "1", 0L));

    assertEquals(
        Status.PASS,
        run(read(
                "{\"name\": \"t\", \"post\": {\"sources\": [{\"name\": \"OUTPUT\", \"type\": \"stream\","
                    + " \"schema\": \"K STRING KEY, V BIGINT\", \"keyFormat\": {\"format\": \"KAFKA\"}, \"valueFormat\": \"JSON\"}]}}"))
            .status());
    assertEquals(
        "post: OUTPUT has schema `K` STRING KEY, `V` BIGINT, expected `K` STRING KEY, `V` INT",
        run(read(
                "{\"name\": \"t\", \"post\": {\"sources\": [{\"name\": \"OUTPUT\", \"schema\": \"`K` STRING KEY, `V` INT\"}]}}"))
            .message());
    assertEquals(
        "post: a topic matching .*-repartition was created: [OUTPUT-repartition]",
        run(read("{\"name\": \"t\", \"post\": {\"topics\": {\"blacklist\": \".*-repartition\"}}}"))
            .message());
  }

  private CaseResult run(TestCase test) {
    return new CaseRunner(sessions).run("f.json", test);
  }

  private static TestCase read(String json) {
    try {
      return CaseFileRunner.JSON.readValue(json, TestCase.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
