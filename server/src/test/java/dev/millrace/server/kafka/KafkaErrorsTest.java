package dev.millrace.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.millrace.engine.runtime.TopicLayoutException;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.ErrorCode;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Kafka refused, classified by its cause wherever it sits in the chain. */
class KafkaErrorsTest {

  static Stream<Arguments> causes() {
    return Stream.of(
        Arguments.of(
            new TopicAuthorizationException(Set.of("orders")), ErrorCode.FORBIDDEN_KAFKA_ACCESS),
        Arguments.of(
            new GroupAuthorizationException("Not authorized to access group: g"),
            ErrorCode.FORBIDDEN_KAFKA_ACCESS),
        Arguments.of(
            new InvalidReplicationFactorException(
                "Replication factor: 3 larger than available brokers: 1."),
            ErrorCode.BAD_STATEMENT),
        Arguments.of(new InvalidTopicException("bad name"), ErrorCode.BAD_STATEMENT),
        Arguments.of(
            new PolicyViolationException("topics need 3 replicas"), ErrorCode.BAD_STATEMENT),
        Arguments.of(
            new TopicLayoutException(
                "cannot co-partition the inputs of one task: l (1 partitions), r (2 partitions)"
                    + " must have the same number of partitions"),
            ErrorCode.BAD_STATEMENT),
        Arguments.of(
            new TimeoutException("Timed out waiting for a node assignment."),
            ErrorCode.SERVER_ERROR),
        Arguments.of(new IllegalStateException("a bug"), ErrorCode.SERVER_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("causes")
  void classifiesByTheCauseAnywhereInTheChain(RuntimeException kafka, ErrorCode expected) {
    assertEquals(expected, KafkaErrors.code(kafka));
    assertEquals(
        expected,
        KafkaErrors.code(
            new TopicAdminException(
                "cannot create topic 'x' on Kafka at h:9092: " + kafka.getMessage(),
                new IllegalStateException("wrapped", kafka))));
  }

  @Test
  void whatTheUserCanFixBecomesAnEngineErrorWithKafkasReasonAndNoAddress() {
    TopicAdminException refused =
        new TopicAdminException(
            "cannot create topic 'x' on Kafka at h:9092: Replication "
                + "factor: 3 larger than available brokers: 1.",
            new InvalidReplicationFactorException(
                "Replication factor: 3 larger than available brokers: 1."));

    EngineException error =
        (EngineException) KafkaErrors.translate("Could not create topic 'x'", refused);

    assertEquals(ErrorCode.BAD_STATEMENT, error.errorCode());
    assertEquals(
        "Could not create topic 'x': Replication factor: 3 larger than available brokers: 1.",
        error.getMessage());
  }

  @Test
  void whatOnlyTheServerCanFixStaysAsItWas() {
    TopicAdminException timedOut =
        new TopicAdminException("Kafka at h:9092 did not answer within 30 s", null);

    assertSame(timedOut, KafkaErrors.translate("Could not create topic 'x'", timedOut));
  }
}
