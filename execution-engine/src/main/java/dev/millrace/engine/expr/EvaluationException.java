package dev.millrace.engine.expr;

/** A row could not be evaluated (bad cast, overflow, a function failing on its input). */
public class EvaluationException extends RuntimeException {
  public EvaluationException(String message) {
    super(message);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
