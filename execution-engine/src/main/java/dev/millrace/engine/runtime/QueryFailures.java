package dev.millrace.engine.runtime;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sorts a query's failures into ksqlDB's error types. Kafka marks the errors a retry may cure as
 * {@link RetriableException}s (timeouts, a broker or leader unreachable, too few in-sync replicas);
 * those are SYSTEM errors, after which the query restarts by itself. Clients wrap the error they
 * met (a transaction fails to commit "because of" an earlier send failure), so the whole cause
 * chain is looked at, the first classifiable cause winning.
 */
final class QueryFailures {
  private QueryFailures() {}

  static QueryError.Type classify(Throwable failure) {
    return typeOf(decidingCause(failure));
  }

  /** The first cause in the chain whose type is known, else the failure itself. */
  static Throwable decidingCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (typeOf(cause) != QueryError.Type.UNKNOWN) {
        return cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure;
  }

  private static QueryError.Type typeOf(Throwable cause) {
    if (cause instanceof RetriableException) {
      return QueryError.Type.SYSTEM;
    }
    return isUsers(cause) ? QueryError.Type.USER : QueryError.Type.UNKNOWN;
  }

  private static boolean isUsers(Throwable cause) {
    return cause instanceof AuthorizationException
        || cause instanceof AuthenticationException
        || cause instanceof InvalidTopicException
        || cause instanceof RecordTooLargeException
        || cause instanceof RecordBatchTooLargeException
        || cause instanceof QueryStartException start && start.getCause() == null;
  }
}
