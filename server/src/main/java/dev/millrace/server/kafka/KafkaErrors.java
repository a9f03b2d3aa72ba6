package dev.millrace.server.kafka;

import dev.millrace.engine.runtime.TopicLayoutException;
import dev.millrace.server.service.EngineException;
import dev.millrace.server.service.ErrorCode;
import java.util.List;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicDeletionDisabledException;

/**
 * Classifies what Kafka refused by its cause, so that the user hears a 4xx for what they can fix (a
 * replication factor the cluster cannot meet, a name or config the broker rejects, missing
 * permissions, topics whose partition counts the Kafka runtime cannot run together) and a 500 only
 * for what the server must fix.
 */
public final class KafkaErrors {
  private KafkaErrors() {}

  /** The error code for a failure whose cause chain may hold a Kafka exception. */
  public static ErrorCode code(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
        return ErrorCode.FORBIDDEN_KAFKA_ACCESS;
      }
      if (cause instanceof InvalidReplicationFactorException
          || cause instanceof InvalidPartitionsException
          || cause instanceof InvalidTopicException
          || cause instanceof PolicyViolationException
          || cause instanceof InvalidConfigurationException
          || cause instanceof RecordTooLargeException
          || cause instanceof TopicDeletionDisabledException
          || cause instanceof TopicLayoutException) {
        return ErrorCode.BAD_STATEMENT;
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    return ErrorCode.SERVER_ERROR;
  }

  /**
   * {@code failure} as the user should see it: an engine error saying that {@code what} failed and
   * Kafka's reason when the user can fix it, else {@code failure} itself (a server error, logged).
   */
  public static RuntimeException translate(String what, RuntimeException failure) {
    ErrorCode code = code(failure);
    return code == ErrorCode.SERVER_ERROR
        ? failure
        : new EngineException(code, what + ": " + reason(failure), null, List.of(), failure);
  }

  /** The innermost message: Kafka's own words on what it refused. */
  private static String reason(Throwable failure) {
    String reason = failure.getMessage();
    for (Throwable cause = failure;
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        reason = cause.getMessage();
      }
    }
    return reason == null ? failure.getClass().getSimpleName() : reason;
  }
}
