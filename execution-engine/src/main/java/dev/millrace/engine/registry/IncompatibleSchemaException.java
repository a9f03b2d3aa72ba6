package dev.millrace.engine.registry;

/**
 * The registry refused to register a schema because it is incompatible with the subject's earlier
 * versions under the subject's compatibility level.
 */
public final class IncompatibleSchemaException extends SchemaRegistryException {
  private final String subject;

  public IncompatibleSchemaException(String subject, String message) {
    super(message);
    this.subject = subject;
  }

  /** The subject that refused the schema. */
  public String subject() {
    return subject;
  }
}
