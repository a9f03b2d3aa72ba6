package dev.millrace.server.service;

import dev.millrace.engine.registry.RegisteredSchema;
import java.util.Objects;
import java.util.Optional;

/**
 * The schemas a stream or table declares for its topic's subjects: {@code key} for {@code
 * <topic>-key}, {@code value} for {@code <topic>-value}, each present only for a side in a schema
 * registry format.
 */
public record DeclaredSchemas(
    String topic, Optional<RegisteredSchema> key, Optional<RegisteredSchema> value) {
  public DeclaredSchemas {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
