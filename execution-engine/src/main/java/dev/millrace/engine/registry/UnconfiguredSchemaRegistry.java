package dev.millrace.engine.registry;

import java.util.Optional;

/**
 * The registry when {@code ksql.schema.registry.url} is not set: every use fails saying so, so
 * formats without a registry keep working and those that need one are refused clearly.
 */
public final class UnconfiguredSchemaRegistry implements SchemaRegistry {
  public static final UnconfiguredSchemaRegistry INSTANCE = new UnconfiguredSchemaRegistry();

  private UnconfiguredSchemaRegistry() {}

  @Override
  public int register(String subject, RegisteredSchema schema) {
    throw missing();
  }

  @Override
  public Optional<RegisteredSchema> byId(int id) {
    throw missing();
  }

  @Override
  public Optional<SubjectVersion> latest(String subject) {
    throw missing();
  }

  @Override
  public Optional<SubjectVersion> version(String subject, int version) {
    throw missing();
  }

  @Override
  public boolean isCompatible(String subject, RegisteredSchema schema) {
    throw missing();
  }

  @Override
  public void checkAvailable() {
    throw missing();
  }

  private static SchemaRegistryException missing() {
    return new SchemaRegistryException(
        "This format needs a schema registry, but 'ksql.schema.registry.url' is not "
            + "set. Set it to the URL of a Confluent-compatible schema registry.");
  }
}
