package dev.millrace.engine.registry;

import java.util.Optional;

/**
 * A Confluent-compatible schema registry as the engine uses it: schemas are registered under a
 * subject ({@code <topic>-key} or {@code <topic>-value}), each distinct schema gets a global id
 * that records carry after a magic byte, and a subject's versions can be read back for schema
 * inference. Implementations are thread-safe.
 */
public interface SchemaRegistry {
  /** The version number that stands for a subject's latest version, as in Confluent's API. */
  int LATEST = -1;

  /**
   * Registers the schema under the subject and returns its id; registering a schema the subject
   * already has returns the existing id.
   */
  int register(String subject, RegisteredSchema schema);

  /** The schema with this global id. */
  Optional<RegisteredSchema> byId(int id);

  /** The subject's latest version, if it has any. */
  Optional<SubjectVersion> latest(String subject);

  /**
   * The subject's version {@code version} ({@value #LATEST} for the latest), if the subject has it:
   * how a schema's references are followed.
   */
  Optional<SubjectVersion> version(String subject, int version);

  /**
   * Whether the schema may be registered as the subject's next version under the registry's
   * compatibility rules (always true for a subject without versions).
   */
  boolean isCompatible(String subject, RegisteredSchema schema);

  /** Fails with a clear message when no registry is configured; nothing otherwise. */
  default void checkAvailable() {}

  /** The subject of a topic's keys or values. */
  static String subject(String topic, boolean key) {
    return topic + (key ? "-key" : "-value");
  }

  /** One version of a subject. */
  record SubjectVersion(String subject, int version, int id, RegisteredSchema schema) {}
}
